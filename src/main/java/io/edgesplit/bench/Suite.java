package io.edgesplit.bench;

import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.io.SolverConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * A benchmark suite (docs/formats.md §5) as read from {@code benchmarks/NAME.json}: instance files (globs already
 * expanded, sorted) × solver configurations × repeats.
 *
 * @param instances    the instance files, in a stable order (sorted by path)
 * @param generated    instances generated from scenario specs (written to the results folder when the suite runs)
 * @param configs      the solver configurations, in file order; names are unique
 * @param repeats      how many times each (instance, configuration) pair runs; repeat r uses seed {@code config.seed + r - 1}
 * @param graceSeconds how long a run may overstay its time limit before it is stopped and recorded as TIMEOUT
 */
public record Suite(String name, String description, Path file, List<Path> instances, List<ScenarioGenerator.Spec> generated,
                    List<SolverConfig> configs, int repeats, double graceSeconds) {
    public Suite {
        instances = List.copyOf(instances);
        generated = List.copyOf(generated);
        configs = List.copyOf(configs);
    }

    public Suite withConfigs(List<SolverConfig> c) { return new Suite(name, description, file, instances, generated, c, repeats, graceSeconds); }
}
