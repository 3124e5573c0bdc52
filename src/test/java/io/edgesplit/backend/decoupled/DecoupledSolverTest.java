package io.edgesplit.backend.decoupled;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecoupledSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new DecoupledSolver(); }

    private static boolean isChain(CompiledInstance ci, int t) {
        for (int l = 0; l < ci.layerCount(t); l++) {
            int[] p = ci.preds(t, l);
            if (l == 0 ? p.length != 0 : p.length != 1 || p[0] != l - 1) return false;
        }
        return true;
    }

    @Test
    void onASingleChainTaskWithoutContentionItEqualsTheBruteForceOptimum() {
        Random modes = new Random(41);
        int compared = 0;
        for (long seed = 9000; compared < 30; seed++) {
            Instance base = TinyInstances.random(seed, 1, 5, 3 + (int) (seed % 2));
            if (!isChain(base.compile(), 0)) continue;
            Instance in = base.withContention(Contention.NONE).withGranularity(Granularity.values()[modes.nextInt(2)])
                    .withObjective(Objective.values()[modes.nextInt(2)]);
            CompiledInstance ci = in.compile();
            Outcome exact = CheckedSolve.run(new BruteForceSolver(), ci, SolveOptions.defaults().withTimeLimit(30));
            assertEquals(Status.OPTIMAL, exact.solution().status());
            Outcome mine = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(mine.valid(), () -> mine.report().summary());
            assertEquals(exact.report().objectiveTicks(), mine.report().objectiveTicks(), 1e-9, in.name());
            compared++;
        }
    }

    @Test
    void itPlansEachTaskAsIfAlone() {
        // Each task keeps the best path of its own DAG with empty queues, whatever queue that creates.
        for (long seed = 9100; seed < 9120; seed++) {
            Instance in = TinyInstances.random(seed, 4, 5, 4);
            CompiledInstance ci = in.compile();
            Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(o.valid(), () -> o.report().summary());
            var s = io.edgesplit.solution.Schedule.fromSolution(ci, o.solution());
            var dag = new io.edgesplit.schedule.MultiEndpointDag(ci);
            for (int t = 0; t < ci.taskCount(); t++)
                org.junit.jupiter.api.Assertions.assertArrayEquals(
                        dag.best(t, io.edgesplit.schedule.QueueEstimate.idle(ci)).placement(), s.placement(t));
        }
    }
}
