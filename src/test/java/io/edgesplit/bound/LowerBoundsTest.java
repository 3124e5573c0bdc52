package io.edgesplit.bound;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.io.InstanceJson;
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
import io.edgesplit.model.Task;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap lower bounds of docs/bounds.md: never above an optimum, exact for one chain task alone, and tight where the docs say. */
class LowerBoundsTest {
    static final SolveOptions EXACT = SolveOptions.defaults().withTimeLimit(30).withWorkers(1);

    /** Every mode, one and two tasks (TinyInstances), and three tasks competing for three nodes. */
    static List<Instance> tinyInstances() {
        List<Instance> out = new ArrayList<>(TinyInstances.allCombinations(12, 9100));
        for (long seed = 0; seed < 48; seed++) {
            Instance base = TinyInstances.tiny(9500 + seed);
            out.add(TinyInstances.random(9500 + seed, 3, 3, 3).withGranularity(base.granularity())
                    .withContention(base.contention()).withObjective(base.objective()));
        }
        return out;
    }

    static double optimum(CompiledInstance ci) {
        Outcome bf = CheckedSolve.run(new BruteForceSolver(), ci, EXACT);
        assertTrue(bf.valid(), bf.report().summary());
        assertEquals(Status.OPTIMAL, bf.solution().status(), bf.solution().message());
        return bf.solution().objectiveTicks();
    }

    @TestFactory
    Stream<DynamicTest> noBoundComponentEverExceedsBruteForcesOptimum() {
        return tinyInstances().stream().map(in -> DynamicTest.dynamicTest(in.name() + " " + in.granularity().json() + "/"
                + in.contention().json() + "/" + in.objective().json(), () -> {
            CompiledInstance ci = in.compile();
            double opt = optimum(ci);
            LowerBound b = LowerBounds.compute(ci);
            for (LowerBound.Component c : b.components())
                assertTrue(c.ticks() <= opt + 1e-9, c.name() + " (" + c.detail() + ") = " + c.ticks() + " exceeds the optimum " + opt);
            assertTrue(b.ticks() > 0 || opt == 0, "a bound of 0 on an instance with optimum " + opt);
        }));
    }

    @TestFactory
    Stream<DynamicTest> aSingleChainTaskAloneGetsExactlyItsOptimum() {
        List<Instance> chains = new ArrayList<>();
        for (long seed = 0; chains.size() < 40; seed++) {
            Instance base = TinyInstances.tiny(9900 + seed);
            Instance in = TinyInstances.random(9900 + seed, 1, 4, 3).withGranularity(base.granularity())
                    .withContention(base.contention()).withObjective(base.objective());
            CompiledInstance ci = in.compile();
            if (LowerBounds.relax(ci).get(0).chain) chains.add(in);
        }
        return chains.stream().map(in -> DynamicTest.dynamicTest(in.name(), () -> {
            CompiledInstance ci = in.compile();
            assertEquals(optimum(ci), LowerBounds.compute(ci).ticks(), 1e-9);
        }));
    }

    /** The proven optima of the committed small instances (cpsat OPTIMAL answers; the resource names the sources). */
    static List<String[]> smallOptima() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream s = LowerBoundsTest.class.getResourceAsStream("/bound/small-optima.csv")) {
            for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                if (!line.startsWith("#") && !line.startsWith("instance_file") && !line.isBlank()) out.add(line.trim().split(","));
        }
        return out;
    }

    @Test
    void onTheCommittedSmallInstancesTheBoundStaysBelowEachProvenOptimumAndReachesAtLeast85PercentOnAverage() throws IOException {
        double sum = 0;
        List<String[]> optima = smallOptima();
        assertEquals(10, optima.size());
        for (String[] row : optima) {
            CompiledInstance ci = InstanceJson.read(Path.of(row[0])).compile();
            double opt = Double.parseDouble(row[1]);
            LowerBound b = LowerBounds.compute(ci);
            assertTrue(b.ticks() <= opt, ci.name() + ": bound " + b.ticks() + " (" + b.source() + ") above the proven optimum " + opt);
            sum += b.ticks() / opt;
        }
        assertTrue(sum / optima.size() >= 0.85, "mean bound/optimum " + sum / optima.size());
    }

    // ---- hand-worked: three one-layer tasks that may only use edge1 (10 ticks each, free transfers)

    static Instance threeOnOneEdge(Objective objective) {
        List<Node> nodes = List.of(new Node("dev1", NodeKind.DEVICE, 1e9), new Node("edge1", NodeKind.EDGE, 1e9));
        DnnModel m = new DnnModel("m", 0, List.of(new Layer("l0", 1e7, 0, 0, List.of())));
        List<Task> tasks = new ArrayList<>();
        for (int t = 1; t <= 3; t++) tasks.add(new Task("t" + t, "m", "dev1", 0, 1, List.of("edge1")));
        return new Instance("three-on-one-edge", 1e-3, objective, Granularity.SEGMENT, Contention.INGRESS, List.of(m), nodes,
                new Network(1e9, 0, List.of()), List.of(), tasks, null);
    }

    @Test
    void threeTasksThatMustShareOneEdgeNeedItsWholeCapacityForTheMakespan() {
        LowerBound b = LowerBounds.compute(threeOnOneEdge(Objective.MAKESPAN).compile());
        assertEquals(10, b.components().get(0).ticks(), "each task alone");
        assertEquals(30, b.ticks(), b.components().toString());
    }

    @Test
    void threeTasksThatMustShareOneEdgeWaitForEachOtherInTheTotalLatency() {
        LowerBound b = LowerBounds.compute(threeOnOneEdge(Objective.TOTAL_LATENCY).compile());
        assertEquals(30, b.components().get(0).ticks(), "Σ each task alone");
        assertEquals(60, b.ticks(), "10 + 20 + 30: " + b.components());
        assertEquals("mean-busy-time", b.best().name());
    }

    @Test
    void combiningKeepsTheLargerOfTheCheapAndTheProvenBound() {
        assertEquals(new LowerBound.Combined(120, "cpsat"), LowerBound.combine(100, "task-alone", 120.0, "cpsat"));
        assertEquals(new LowerBound.Combined(100, "task-alone"), LowerBound.combine(100, "task-alone", 80.0, "cpsat"));
        assertEquals(new LowerBound.Combined(100, "task-alone"), LowerBound.combine(100, "task-alone", null, null));
    }
}
