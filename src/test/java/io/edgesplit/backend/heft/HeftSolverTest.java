package io.edgesplit.backend.heft;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeftSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new HeftSolver(); }

    /**
     * The worked example of docs/baselines.md ("heft: a worked example"): a diamond A → {B, C} → D on a
     * device and two edge nodes, times in ms (timeUnit 1 ms), profiles give every compute time, 1 MB/s
     * links without latency so 1000 bytes take 1 ms.
     */
    static Instance workedExample() {
        DnnModel diamond = new DnnModel("diamond", 3000, List.of(
                new Layer("A", 1, 2000, 0, List.of()),
                new Layer("B", 1, 1000, 0, List.of("A")),
                new Layer("C", 1, 1000, 0, List.of("A")),
                new Layer("D", 1, 1000, 0, List.of("B", "C"))));
        List<Node> nodes = List.of(new Node("dev", NodeKind.DEVICE, 1e9), new Node("e1", NodeKind.EDGE, 1e9),
                new Node("e2", NodeKind.EDGE, 1e9));
        List<Profile> profiles = List.of(
                new Profile("diamond", "dev", List.of(0.004, 0.006, 0.008, 0.003)),
                new Profile("diamond", "e1", List.of(0.002, 0.003, 0.004, 0.002)),
                new Profile("diamond", "e2", List.of(0.003, 0.002, 0.003, 0.002)));
        return new Instance("heft-worked-example", 1e-3, Objective.MAKESPAN, Granularity.LAYER, Contention.INGRESS,
                List.of(diamond), nodes, Network.uniform(1e6, 0), profiles,
                List.of(new Task("t", "diamond", "dev", 0)), null);
    }

    @Test
    void theWorkedExampleOfTheDocs() {
        CompiledInstance ci = workedExample().compile();
        HeftSolver.Plan plan = HeftSolver.plan(ci);
        // Upward ranks: D = 7/3 + 1, B = 11/3 + 1 + rank D, C = 5 + 1 + rank D, A = 3 + 2 + rank C.
        assertArrayEquals(new double[]{43.0 / 3, 8, 28.0 / 3, 10.0 / 3}, plan.rank()[0], 1e-9);
        assertEquals(List.of("A", "C", "B", "D"), plan.order().stream().map(tl -> ci.layerName(tl[0], tl[1])).toList());
        // Finish per node (dev, e1, e2) of each decision, and the choice.
        long[][] finish = {{4, 5, 6}, {12, 10, 9}, {10, 9, 11}, {14, 13, 13}};
        String[] chosen = {"dev", "e2", "e1", "e1"};
        for (int i = 0; i < 4; i++) {
            HeftSolver.Decision d = plan.decisions().get(i);
            assertArrayEquals(finish[i], d.finishByNode(), "decision " + (i + 1) + " (" + ci.layerName(0, d.layer()) + ")");
            assertEquals(chosen[i], ci.nodeName(d.chosen()), "decision " + (i + 1));
        }
        Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
        assertTrue(o.valid(), () -> o.report().summary());
        assertEquals(13, o.solution().objectiveTicks(), 0.0);
        Schedule s = Schedule.fromSolution(ci, o.solution());
        assertArrayEquals(new long[]{0, 6, 6, 10}, new long[]{s.start(0, 0), s.start(0, 1), s.start(0, 2), s.start(0, 3)});
        List<String> transfers = s.transfers(0).stream().sorted(java.util.Comparator.comparingLong(Transfer::start)
                        .thenComparingInt(Transfer::to))
                .map(tr -> ci.layerName(0, tr.tensor()) + " " + ci.nodeName(tr.from()) + "->" + ci.nodeName(tr.to()) + " @" + tr.start())
                .toList();
        assertEquals(List.of("A dev->e1 @4", "A dev->e2 @4", "C e2->e1 @9", "D e1->dev @12"), transfers);
    }

    /** Under granularity segment the placement is HEFT's, rebuilt with segments as blocks. */
    @Test
    void underSegmentGranularityHeftsPlacementIsKept() {
        for (long seed = 0; seed < 20; seed++) {
            CompiledInstance ci = TinyInstances.random(900 + seed, 4, 7, 5).compile();
            assertEquals(Granularity.SEGMENT, ci.granularity());
            HeftSolver.Plan plan = HeftSolver.plan(ci);
            Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(o.valid(), () -> o.report().summary());
            Schedule s = Schedule.fromSolution(ci, o.solution());
            for (int t = 0; t < ci.taskCount(); t++) assertArrayEquals(plan.placement()[t], s.placement(t));
        }
    }

    /** Under granularity layer HEFT's own insertion schedule is the answer, and it is valid as it stands. */
    @Test
    void underLayerGranularityHeftsOwnScheduleIsReturned() {
        for (long seed = 0; seed < 20; seed++) {
            for (Contention c : Contention.values()) {
                CompiledInstance ci = TinyInstances.random(950 + seed, 4, 7, 5).withGranularity(Granularity.LAYER)
                        .withContention(c).compile();
                HeftSolver.Plan plan = HeftSolver.plan(ci);
                Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
                assertTrue(o.valid(), () -> o.report().summary());
                assertEquals(plan.schedule().objectiveTicks(ci), o.solution().objectiveTicks(), 0.0);
            }
        }
    }
}
