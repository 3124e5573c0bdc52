package io.edgesplit.bench;

import io.edgesplit.io.SolverConfig;

/**
 * One planned run: an instance, a configuration, a repeat (1-based) and the seed it uses
 * ({@code config.seed + repeat - 1}, so repeats differ and reruns are reproducible).
 */
public record RunSpec(InstanceInfo instance, SolverConfig config, int repeat, long seed) {
    public String id() { return RunRecord.id(instance.name(), config.name(), repeat); }

    /** A file-name-safe form of the id, for the solution and trace files. */
    public String fileStem() {
        return (instance.name() + "__" + config.name() + "__r" + repeat).replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
