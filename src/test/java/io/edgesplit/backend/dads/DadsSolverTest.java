package io.edgesplit.backend.dads;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DadsSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new DadsSolver(); }

    @Override
    protected boolean mayRefuse(CompiledInstance ci) {
        for (int t = 0; t < ci.taskCount(); t++) {
            boolean any = true;
            for (int l = 0; l < ci.layerCount(t); l++) any &= ci.canRun(t, l, ci.origin(t));
            for (int s = 0; s < ci.nodeCount(); s++)
                if (s != ci.origin(t) && ci.nodeKind(s) != NodeKind.DEVICE && ci.eligible(t, s)
                        && DadsSolver.cut(ci, t, s, 1.0) != null) any = true;
            if (!any) return true;
        }
        return false;
    }

    /** The instance with every availableAt set to 0 and no ingress queue: nothing but the request itself. */
    private static Instance withoutContention(Instance in) {
        java.util.List<Node> nodes = in.nodes().stream()
                .map(n -> new Node(n.name(), n.kind(), n.speed(), 0.0, n.slowdown())).toList();
        return new Instance(in.name(), in.timeUnit(), in.objective(), in.granularity(), Contention.NONE,
                in.models(), nodes, in.network(), in.profiles(), in.tasks(), null);
    }

    private static boolean isChain(CompiledInstance ci, int t) {
        for (int l = 0; l < ci.layerCount(t); l++) {
            int[] p = ci.preds(t, l);
            if (l == 0 ? p.length != 0 : p.length != 1 || p[0] != l - 1) return false;
        }
        return true;
    }

    /** Brute force over every single cut (device prefix, one server for the rest, or all local), scheduled. */
    private static long bestSingleCut(CompiledInstance ci) {
        int L = ci.layerCount(0), origin = ci.origin(0);
        long best = Long.MAX_VALUE;
        for (int k = 0; k <= L; k++)
            for (int s = 0; s < ci.nodeCount(); s++) {
                if (k < L && (s == origin || ci.nodeKind(s) == NodeKind.DEVICE || !ci.eligible(0, s))) continue;
                if (k == L && s != origin) continue;
                int[] p = new int[L];
                boolean ok = true;
                for (int l = 0; l < L; l++) {
                    p[l] = l < k ? origin : s;
                    ok &= ci.canRun(0, l, p[l]);
                }
                if (!ok) continue;
                best = Math.min(best, ScheduleBuilder.build(ci, new int[][]{p}, PriorityRule.taskOrder(new int[]{0})).completion(ci, 0));
            }
        return best;
    }

    /** The check: on seeded single-task chain instances without contention, dads = the best single cut. */
    @Test
    void onASingleTaskWithoutContentionItEqualsTheBruteForceBestSingleCut() {
        int checked = 0;
        for (long seed = 0; seed < 300 && checked < 100; seed++)
            for (Granularity g : Granularity.values()) {
                Instance in = withoutContention(TinyInstances.random(seed, 1, 7, 4).withGranularity(g));
                CompiledInstance ci = in.compile();
                if (!isChain(ci, 0)) continue;
                long brute = bestSingleCut(ci);
                Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
                assertTrue(o.valid(), () -> o.report().summary());
                if (brute == Long.MAX_VALUE) {
                    assertEquals(Status.ERROR, o.solution().status(), in.name());
                    continue;
                }
                assertEquals(brute, o.solution().objectiveTicks(), 0.0, in.name() + " " + g);
                checked++;
            }
        assertTrue(checked >= 100, "too few instances checked: " + checked);
    }

    /** On DAG models the minimum cut equals an enumeration of every predecessor-closed device set. */
    @Test
    void theMinimumCutIsTheBestPredecessorClosedDeviceSet() {
        int checked = 0;
        for (long seed = 0; seed < 400; seed++) {
            CompiledInstance ci = TinyInstances.random(1000 + seed, 1, 6, 4).compile();
            int L = ci.layerCount(0), origin = ci.origin(0);
            for (int s = 0; s < ci.nodeCount(); s++) {
                if (s == origin || ci.nodeKind(s) == NodeKind.DEVICE || !ci.eligible(0, s)) continue;
                double best = Double.POSITIVE_INFINITY;
                for (int mask = 0; mask < (1 << L); mask++) {
                    boolean ok = true;
                    double cost = 0;
                    boolean inputCrosses = false;
                    for (int l = 0; l < L && ok; l++) {
                        boolean dev = (mask >> l & 1) == 1;
                        int node = dev ? origin : s;
                        if (!ci.canRun(0, l, node)) ok = false;
                        for (int p : ci.preds(0, l)) if (dev && (mask >> p & 1) == 0) ok = false;
                        if (!ok) break;
                        cost += ci.proc(0, l, node);
                        if (!dev && ci.isOutput(0, l)) cost += ci.transfer(ci.outputBytes(0, l), s, origin);
                        if (!dev && ci.readsInput(0, l)) inputCrosses = true;
                        boolean crosses = false;
                        for (int w : ci.succs(0, l)) crosses |= dev && (mask >> w & 1) == 0;
                        if (crosses) cost += ci.transfer(ci.outputBytes(0, l), origin, s);
                    }
                    if (!ok) continue;
                    if (inputCrosses) cost += ci.transfer(ci.inputBytes(0), origin, s);
                    best = Math.min(best, cost);
                }
                assertEquals(best, DadsSolver.cutValue(ci, 0, s), 1e-6, ci.name() + " server " + s);
                checked++;
            }
        }
        assertTrue(checked >= 300, "too few checked: " + checked);
    }

    @Test
    void everyModeGivesValidSchedules() {
        for (String mode : new String[]{"light", "heavy", "auto"})
            for (long seed = 0; seed < 10; seed++) {
                CompiledInstance ci = TinyInstances.random(500 + seed, 6, 6, 5).compile();
                if (mayRefuse(ci)) continue;
                Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults().withParams(Map.of("mode", mode)));
                assertTrue(o.valid() && o.solution().status().hasSchedule(), () -> mode + ": " + o.report().summary());
            }
    }
}
