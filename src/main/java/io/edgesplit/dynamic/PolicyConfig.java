package io.edgesplit.dynamic;

import io.edgesplit.solver.Params;

import java.util.Objects;

/**
 * A policy: a registered backend used through the one adapter of docs/dynamic.md §3.
 *
 * @param name      policy name (reports)
 * @param backend   registered backend name
 * @param mode      {@code REPLAN}: at each decision point, plan every released request that has not started,
 *                  together; {@code ON_ARRIVAL}: plan each arriving request once, alone, with earlier requests
 *                  as load, and keep that plan
 * @param budgetSeconds wall-clock budget per decision
 * @param params    backend parameters
 * @param warmStart whether to pass the previous plan (completed by a list schedule for new requests) as a warm start
 */
public record PolicyConfig(String name, String backend, Mode mode, double budgetSeconds, Params params, boolean warmStart) {
    public enum Mode { REPLAN, ON_ARRIVAL }

    public PolicyConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(backend);
        Objects.requireNonNull(mode);
        if (params == null) params = Params.EMPTY;
    }

    public static PolicyConfig of(String backend, Mode mode) {
        return new PolicyConfig(backend + (mode == Mode.REPLAN ? "-replan" : "-on-arrival"), backend, mode, 0.2, Params.EMPTY, true);
    }
}
