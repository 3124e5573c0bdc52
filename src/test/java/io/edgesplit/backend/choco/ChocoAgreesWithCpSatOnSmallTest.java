package io.edgesplit.backend.choco;

import io.edgesplit.backend.cpsat.CpSatSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the committed small instances that both exact backends prove within seconds with one worker (under
 * 5 s per instance for both together on a 2-core machine), they prove the same optimum. All three were wrong
 * "optima" for choco before the arrival and load-cut fixes (e.g. testbed-small-s1: 18556 instead of 15784).
 * campus-light-s1 (both agree on 504156) is left out: cpsat with one worker did not prove it within 30 s.
 */
class ChocoAgreesWithCpSatOnSmallTest {
    static final SolveOptions OPTS = SolveOptions.defaults().withTimeLimit(30).withWorkers(1);

    @TestFactory
    Stream<DynamicTest> chocoAndCpSatProveTheSameOptimum() {
        return List.of("testbed-s1", "testbed-s2", "campus-light-s2").stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> {
                    CompiledInstance ci = InstanceJson.read(Path.of("datasets/instances/small/" + name + ".json")).compile();
                    Outcome cp = CheckedSolve.run(new CpSatSolver(), ci, OPTS);
                    Outcome ch = CheckedSolve.run(new ChocoSolver(), ci, OPTS);
                    for (Outcome o : List.of(cp, ch)) {
                        assertTrue(o.valid(), o.report().summary());
                        assertEquals(Status.OPTIMAL, o.solution().status(), o.solution().solver() + ": " + o.solution().message());
                    }
                    assertEquals(cp.report().objectiveTicks(), ch.report().objectiveTicks(), 1e-6, "choco vs cpsat");
                }));
    }
}
