package io.edgesplit.backend;

import io.edgesplit.backend.edgeonly.EdgeOnlySolver;
import io.edgesplit.backend.heft.HeftSolver;
import io.edgesplit.backend.neurosurgeon.NeurosurgeonSolver;
import io.edgesplit.backend.random.RandomPlansSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every baseline of this package family returns a schedule the validator accepts on every committed instance
 * (docs/datasets.md, {@code datasets/instances/**}): no refusal, no error, nothing skipped. {@code random} samples 8
 * plans with a 2 s limit per instance so that the whole class stays well under a minute and a half.
 */
class BaselinesOnDatasetsTest {
    static final Path DATASETS = Path.of("datasets", "instances");

    static List<Path> instanceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DATASETS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyBaselineSchedulesEveryCommittedInstance() throws IOException {
        assertTrue(Files.isDirectory(DATASETS), "no committed datasets at " + DATASETS.toAbsolutePath());
        List<Path> files = instanceFiles();
        assertFalse(files.isEmpty(), "no instance files under " + DATASETS);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files)
            tests.add(DynamicTest.dynamicTest(DATASETS.relativize(f).toString(), () -> {
                CompiledInstance ci = InstanceJson.read(f).compile();
                for (Solver s : List.of(new EdgeOnlySolver(), new NeurosurgeonSolver(), new HeftSolver(), new RandomPlansSolver())) {
                    // The limit is a deadline (docs/benchmarks.md, "Deadlines"): 60 s so a loaded machine tests scheduling, not speed.
                    SolveOptions o = SolveOptions.defaults().withTimeLimit(60);
                    if (s instanceof RandomPlansSolver) o = o.withParams(Map.of("plans", 8));
                    Outcome out = CheckedSolve.run(s, ci, o);
                    assertEquals(io.edgesplit.solution.Status.FEASIBLE, out.solution().status(),
                            () -> s.name() + " on " + f + ": " + out.solution().message());
                    assertTrue(out.valid(), () -> s.name() + " on " + f + ": " + out.report().summary());
                }
            }));
        return tests.stream();
    }
}
