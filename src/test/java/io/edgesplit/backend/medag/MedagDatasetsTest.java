package io.edgesplit.backend.medag;

import io.edgesplit.backend.decoupled.DecoupledSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed instance (datasets/instances, docs/datasets.md): medag's and decoupled's schedules pass the validator. */
class MedagDatasetsTest {
    static List<Path> instances() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("datasets", "instances"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> medagAndDecoupledAreValidOnEveryCommittedInstance() throws IOException {
        List<Path> files = instances();
        assertFalse(files.isEmpty(), "no committed instances found");
        return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> {
            CompiledInstance ci = InstanceJson.read(f).compile();
            // A short limit: medag returns its incumbent at the limit, which is what this test checks. The limit is
            // a deadline (docs/benchmarks.md, "Deadlines"): a run without an answer by then is a timeout, so the
            // 1000-task instances get 10 s, enough for medag's start on a loaded 2-core machine.
            double limit = ci.taskCount() > 100 ? 10.0 : 2.0;
            for (var solver : List.of(new MedagSolver(), new DecoupledSolver())) {
                Outcome o = CheckedSolve.run(solver, ci, SolveOptions.defaults().withTimeLimit(limit));
                assertTrue(o.solution().status().hasSchedule(), () -> solver.name() + " on " + f + ": " + o.solution().message());
                assertTrue(o.valid(), () -> solver.name() + " on " + f + ": " + o.report().summary());
            }
        }));
    }
}
