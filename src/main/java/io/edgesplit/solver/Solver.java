package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;

import java.util.List;

/**
 * A solver backend. Implementations are stateless (all state lives inside {@link #solve}), have a public
 * no-argument constructor, and are listed in {@code META-INF/services/io.edgesplit.solver.Solver} so that
 * {@link SolverRegistry} finds them, including backends in a user's own jar.
 *
 * <p>Contract: return within {@link SolveOptions#timeLimitSeconds()} (plus a small grace), be
 * deterministic for a given seed (and worker count), and return only schedules that satisfy docs/model.md §4:
 * every schedule is checked by the validator before it is reported or counted.
 */
public interface Solver {
    /** The backend name used in configurations and on the command line, e.g. {@code cpsat}. */
    String name();

    /** One line: the algorithm and what it guarantees. */
    String description();

    /** The {@code params} keys this backend accepts, with types, defaults and meanings. */
    default List<ParamSpec> parameters() { return List.of(); }

    /** Whether a returned {@code OPTIMAL} is a proof (exact backends). */
    default boolean exact() { return false; }

    /**
     * Whether the backend plans with durations that depend on start times (docs/model.md §8, instances with
     * {@code fluctuations}: the realised instances of simulations). Others are refused such instances by
     * {@link CheckedSolve} with a clear message instead of returning schedules the validator must reject.
     */
    default boolean handlesFluctuations() { return false; }

    /**
     * Solves the instance. Throwing is allowed (the caller records an {@code ERROR}); a backend that cannot
     * handle an instance should throw {@link UnsupportedInstanceException} with the reason.
     */
    SolveResult solve(CompiledInstance instance, SolveOptions options);
}
