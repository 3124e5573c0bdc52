package io.edgesplit.backend.edgeonly;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.NodeKind;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeOnlySolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new EdgeOnlySolver(); }

    @Override
    protected boolean mayRefuse(CompiledInstance ci) {
        for (int t = 0; t < ci.taskCount(); t++) {
            boolean some = false;
            for (int n = 0; n < ci.nodeCount(); n++) some |= runsWhole(ci, t, n);
            if (!some) return true;
        }
        return false;
    }

    private static boolean runsWhole(CompiledInstance ci, int t, int n) {
        for (int l = 0; l < ci.layerCount(t); l++) if (!ci.canRun(t, l, n)) return false;
        return true;
    }

    private static List<Instance> instances() {
        List<Instance> out = new ArrayList<>(TinyInstances.allCombinations(6, 500));
        for (int s = 0; s < 12; s++) out.add(TinyInstances.random(700 + s, 6, 7, 5).withGranularity(
                s % 2 == 0 ? io.edgesplit.model.Granularity.SEGMENT : io.edgesplit.model.Granularity.LAYER));
        return out;
    }

    @Test
    void everyTaskRunsWholeOnOneEdgeOrCloudNodeWhenOneCanHostIt() {
        for (Instance in : instances()) {
            CompiledInstance ci = in.compile();
            if (mayRefuse(ci)) continue;
            Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(o.valid(), () -> in.name() + ": " + o.report().summary());
            Schedule s = Schedule.fromSolution(ci, o.solution());
            for (int t = 0; t < ci.taskCount(); t++) {
                int n = s.node(t, 0);
                for (int l = 0; l < ci.layerCount(t); l++) assertEquals(n, s.node(t, l), in.name() + " task " + t + " is split");
                boolean serverPossible = false;
                for (int q = 0; q < ci.nodeCount(); q++) serverPossible |= ci.nodeKind(q) != NodeKind.DEVICE && runsWhole(ci, t, q);
                if (serverPossible) assertTrue(ci.nodeKind(n) != NodeKind.DEVICE, in.name() + " task " + t + " not offloaded");
                else assertEquals(ci.origin(t), n, in.name() + " task " + t + ": the fallback is the origin");
            }
        }
    }

    @Test
    void theGreedysPredictedFinishIsTheCompletionTheTaskGets() {
        for (Instance in : instances()) {
            CompiledInstance ci = in.compile();
            if (mayRefuse(ci)) continue;
            EdgeOnlySolver.Plan plan = EdgeOnlySolver.plan(ci);
            Schedule s = ScheduleBuilder.build(ci, plan.placement(), PriorityRule.taskOrder(plan.rank()));
            long[] actual = new long[ci.taskCount()];
            for (int t = 0; t < ci.taskCount(); t++) actual[t] = s.completion(ci, t);
            assertArrayEquals(plan.predicted(), actual, in.name());
        }
    }

    /** Alone, a task goes to the edge/cloud node where it finishes first: check against every alternative. */
    @Test
    void aSingleTaskGoesWhereItFinishesFirst() {
        int checked = 0;
        for (long seed = 0; seed < 60; seed++) {
            Instance in = TinyInstances.random(seed, 1, 5, 4);
            CompiledInstance ci = in.compile();
            if (mayRefuse(ci)) continue;
            long best = Long.MAX_VALUE;
            for (int n = 0; n < ci.nodeCount(); n++) {
                if (ci.nodeKind(n) == NodeKind.DEVICE || !runsWhole(ci, 0, n)) continue;
                int[] p = new int[ci.layerCount(0)];
                java.util.Arrays.fill(p, n);
                best = Math.min(best, ScheduleBuilder.build(ci, new int[][]{p}).completion(ci, 0));
            }
            if (best == Long.MAX_VALUE) continue;
            Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(o.valid(), o.report().summary());
            assertEquals(best, o.solution().objectiveTicks(), 0.0, in.name());
            checked++;
        }
        assertTrue(checked >= 30, "too few instances checked: " + checked);
    }
}
