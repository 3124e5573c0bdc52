package io.edgesplit.backend.random;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RandomPlansSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new RandomPlansSolver(); }

    private double objective(CompiledInstance ci, int plans, long seed) {
        Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults().withSeed(seed).withParams(Map.of("plans", plans)));
        assertTrue(o.valid(), () -> o.report().summary());
        return o.solution().objectiveTicks();
    }

    @Test
    void moreSamplesNeverHurtAndSometimesHelp() {
        int improved = 0;
        for (long seed = 0; seed < 12; seed++) {
            CompiledInstance ci = TinyInstances.random(400 + seed, 4, 6, 5).compile();
            double previous = Double.POSITIVE_INFINITY;
            for (int k : new int[]{1, 2, 4, 8, 16, 32, 64}) {
                double obj = objective(ci, k, seed);
                assertTrue(obj <= previous, ci.name() + ": K=" + k + " gave " + obj + " after " + previous);
                if (k > 1 && obj < previous) improved++;
                previous = obj;
            }
        }
        assertTrue(improved > 0, "K never mattered: the plans are not random");
    }

    @Test
    void aSeedFixesTheAnswerAndSeedsDiffer() {
        CompiledInstance ci = TinyInstances.random(77, 6, 7, 5).compile();
        assertEquals(objective(ci, 8, 5), objective(ci, 8, 5), 0.0);
        boolean differ = false;
        for (long seed = 1; seed < 20 && !differ; seed++) differ = objective(ci, 1, seed) != objective(ci, 1, 0);
        assertTrue(differ, "twenty seeds gave the same single plan");
    }

    @Test
    void plansHaveAtMostMaxSegmentsWhereWholeSegmentsCanRun() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (long seed = 0; seed < 30; seed++) {
            Instance in = TinyInstances.random(seed, 3, 8, 5);
            if (!in.profiles().isEmpty()) continue; // null profile entries may force extra cuts
            CompiledInstance ci = in.compile();
            for (int rep = 0; rep < 10; rep++) {
                int[][] p = RandomPlansSolver.randomPlan(ci, rnd, 2);
                for (int t = 0; t < ci.taskCount(); t++)
                    assertTrue(ScheduleBuilder.segments(ci, t, p[t]).size() <= 2, ci.name());
            }
        }
    }

    @Test
    void theTimeLimitStopsTheSampling() {
        CompiledInstance ci = TinyInstances.random(5, 30, 10, 8).compile();
        Outcome o = CheckedSolve.run(solver(), ci,
                SolveOptions.defaults().withTimeLimit(0.5).withParams(Map.of("plans", 10_000_000)));
        assertTrue(o.valid(), () -> o.report().summary());
        assertTrue(o.solution().wallSeconds() < 1.5, "took " + o.solution().wallSeconds() + " s");
    }
}
