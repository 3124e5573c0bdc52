package io.edgesplit.backend.choco;

import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Link;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChocoSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new ChocoSolver(); }

    @Test
    void isRegisteredAsAnExactBackendNamedChoco() {
        Solver s = SolverRegistry.load().get("choco");
        assertTrue(s instanceof ChocoSolver);
        assertTrue(s.exact());
    }

    /**
     * Single-layer tasks from distinct devices forced onto one edge node, with ingress contention,
     * form a two-machine flow shop (machine 1 = the edge's ingress receiving each input, machine 2 = its
     * compute); the optimal makespan is Johnson's rule's, computed here independently.
     */
    @Test
    void twoMachineFlowShopOptimumIsJohnsons() {
        for (long seed = 1; seed <= 4; seed++) {
            Random r = new Random(seed);
            int n = 5 + r.nextInt(2);
            long[] a = new long[n], b = new long[n];
            List<DnnModel> models = new ArrayList<>();
            List<Node> nodes = new ArrayList<>();
            List<Link> links = new ArrayList<>();
            List<Task> tasks = new ArrayList<>();
            nodes.add(new Node("edge1", NodeKind.EDGE, 1e9, 0, 1));
            for (int i = 0; i < n; i++) {
                a[i] = 1 + r.nextInt(9); // ms of input transfer: inputBytes / 1e6 B/s
                b[i] = 1 + r.nextInt(9); // ms of compute: flops / 1e9 FLOP/s
                String dev = "dev" + (i + 1);
                nodes.add(new Node(dev, NodeKind.DEVICE, 1e9, 0, 1));
                models.add(new DnnModel("m" + i, a[i] * 1000.0, List.of(new Layer("l0", b[i] * 1e6, 0, 0, List.of()))));
                links.add(new Link(dev, "edge1", 1e6, 0.0));
                tasks.add(new Task("t" + i, "m" + i, dev, 0, 1, List.of("edge1")));
            }
            Instance in = new Instance("flowshop-" + seed, 1e-3, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                    models, nodes, new Network(1e6, 0, links), List.of(), tasks, null);
            CompiledInstance ci = in.compile();
            Outcome o = CheckedSolve.run(new ChocoSolver(), ci, options().withTimeLimit(20));
            assertTrue(o.valid(), () -> o.report().summary());
            assertEquals(Status.OPTIMAL, o.solution().status());
            assertEquals(johnson(a, b), o.report().objectiveTicks(), 1e-9, "seed " + seed);
        }
    }

    /** Johnson (1954): jobs with a ≤ b by ascending a, then the others by descending b; simulate. */
    static long johnson(long[] a, long[] b) {
        List<Integer> first = new ArrayList<>(), second = new ArrayList<>();
        for (int i = 0; i < a.length; i++) (a[i] <= b[i] ? first : second).add(i);
        first.sort(Comparator.comparingLong(i -> a[i]));
        second.sort(Comparator.comparingLong(i -> -b[i]));
        first.addAll(second);
        long m1 = 0, m2 = 0;
        for (int i : first) {
            m1 += a[i];
            m2 = Math.max(m2, m1) + b[i];
        }
        return m2;
    }

    @Test
    void aWarmStartIsNeverLost() {
        // a short limit on an instance it cannot prove: the answer is at least as good as the warm start
        Instance in = TinyInstances.random(4, 6, 7, 5);
        CompiledInstance ci = in.compile();
        Schedule local = new LocalSolver().solve(ci, SolveOptions.defaults()).schedule();
        Outcome o = CheckedSolve.run(new ChocoSolver(), ci, options().withTimeLimit(1).withWarmStart(local));
        assertTrue(o.valid(), () -> o.report().summary());
        assertTrue(o.report().objectiveTicks() <= local.objectiveTicks(ci));
    }

    @Test
    void aStoppedSearchReportsFeasibleWithABoundBelowItsObjectiveAndAnImprovingTrace() {
        Instance in = TinyInstances.random(4, 6, 7, 5);
        CompiledInstance ci = in.compile();
        Outcome o = CheckedSolve.run(new ChocoSolver(), ci, options().withTimeLimit(1.5).withParams(Map.of("search", "complete")));
        assertTrue(o.valid(), () -> o.report().summary());
        assertEquals(Status.FEASIBLE, o.solution().status());
        assertNotNull(o.solution().lowerBoundTicks());
        assertTrue(o.solution().lowerBoundTicks() <= o.report().objectiveTicks());
        List<TracePoint> trace = o.trace();
        assertFalse(trace.isEmpty());
        for (int i = 1; i < trace.size(); i++)
            assertTrue(trace.get(i).objectiveTicks() <= trace.get(i - 1).objectiveTicks(), "the incumbent never worsens");
        assertEquals(o.report().objectiveTicks(), trace.get(trace.size() - 1).objectiveTicks(), 1e-9);
    }

    @Test
    void everySearchConfigurationProvesTheSameOptimum() {
        Instance in = TinyInstances.random(2, 6, 7, 5);
        CompiledInstance ci = in.compile();
        List<Double> optima = new ArrayList<>();
        for (Map<String, Object> p : List.<Map<String, Object>>of(Map.of(), Map.of("search", "complete"),
                Map.of("search", "lns-then-complete"), Map.of("search", "neighbourhood"), Map.of("rootPresolve", false),
                Map.of("branching", "dwd"), Map.of("lcg", false),
                Map.of("pathBounds", false), Map.of("restarts", false, "redundant", false), Map.of("workers", 2),
                Map.of("workers", 2, "secondWorker", "complete"))) {
            Map<String, Object> params = new java.util.HashMap<>(p);
            Object w = params.remove("workers");
            Outcome o = CheckedSolve.run(new ChocoSolver(), ci, options().withTimeLimit(20).withParams(params)
                    .withWorkers(w == null ? 1 : (Integer) w));
            assertTrue(o.valid(), () -> o.report().summary());
            assertEquals(Status.OPTIMAL, o.solution().status(), p.toString());
            optima.add(o.report().objectiveTicks());
        }
        assertEquals(1, optima.stream().distinct().count(), optima::toString);
    }

    @Test
    void theNeighbourhoodSearchStrictlyImprovesAPoorWarmStartWithValidSchedules() {
        // sub-models around the best schedule (as on medium instances), here forced on a 6-task instance
        Instance in = TinyInstances.random(4, 6, 7, 5);
        CompiledInstance ci = in.compile();
        Schedule local = new LocalSolver().solve(ci, SolveOptions.defaults()).schedule();
        Outcome o = CheckedSolve.run(new ChocoSolver(), ci, options().withTimeLimit(4).withWarmStart(local)
                .withParams(Map.of("search", "neighbourhood")));
        assertTrue(o.valid(), () -> o.report().summary());
        assertTrue(o.report().objectiveTicks() < local.objectiveTicks(ci),
                () -> o.report().objectiveTicks() + " does not improve the warm start " + local.objectiveTicks(ci));
        for (int i = 1; i < o.trace().size(); i++)
            assertTrue(o.trace().get(i).objectiveTicks() <= o.trace().get(i - 1).objectiveTicks(), "the incumbent never worsens");
    }

    @Test
    void aSubModelKeepsTheIncumbentFeasibleAndItsFixedTimes() {
        // the sub-model without the strict cut admits the incumbent itself: nothing the restriction fixes
        // contradicts it (a wrong fixed start or a missing node would make this model fail at the root)
        Instance in = TinyInstances.random(7, 5, 6, 4);
        CompiledInstance ci = in.compile();
        Schedule inc = StartingSchedules.initialIncumbent(ci, null);
        for (long seed = 0; seed < 8; seed++) {
            java.util.Random rng = new java.util.Random(seed);
            List<Integer> freed = NeighbourhoodSearch.choose(ci, inc, 1 + (int) (seed % 3), seed % 2 == 0, rng);
            ChocoModel.Restriction r = NeighbourhoodSearch.restriction(ci, inc, freed, rng, seed % 4 < 2);
            ChocoModel cm = new ChocoModel(ci, inc, false, false, true, true, Long.MAX_VALUE, () -> false, r);
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++) {
                    cm.model.arithm(cm.X[t][l], "=", inc.node(t, l)).post();
                    cm.model.arithm(cm.S[t][l], "=", (int) inc.start(t, l)).post();
                }
            assertTrue(cm.model.getSolver().solve(), "seed " + seed + ": the sub-model rejects the incumbent");
        }
    }
}
