package io.edgesplit.schedule;

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
import io.edgesplit.solution.Status;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamicPreschedulerTest {

    private static ValidationReport validate(CompiledInstance ci, Preschedule p) {
        return Validator.validate(ci, p.schedule().toSolution(ci, "prescheduler", Status.FEASIBLE, null, null));
    }

    /** A random eligible placement of every layer. */
    private static int[][] randomPlan(CompiledInstance ci, Random r) {
        int[][] plan = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            plan[t] = new int[ci.layerCount(t)];
            int[] prev = null;
            for (int l = 0; l < ci.layerCount(t); l++) {
                int[] nodes = ci.nodesFor(t, l);
                // Mostly stay on the previous layer's node (long segments), sometimes jump anywhere.
                int keep = l > 0 ? plan[t][l - 1] : -1;
                boolean canKeep = keep >= 0 && ci.canRun(t, l, keep);
                plan[t][l] = canKeep && r.nextInt(3) > 0 ? keep : nodes[r.nextInt(nodes.length)];
            }
        }
        return plan;
    }

    /** Zeroes some flops and tensor sizes (and the latency), so zero-tick layers and transfers occur. */
    private static Instance withZeroTickItems(Instance in, Random r) {
        List<DnnModel> models = new ArrayList<>();
        for (DnnModel m : in.models()) {
            List<Layer> layers = new ArrayList<>();
            for (Layer l : m.layers())
                layers.add(new Layer(l.name(), r.nextInt(3) == 0 ? 0 : l.flops(), r.nextInt(3) == 0 ? 0 : l.outputBytes(),
                        l.paramBytes(), l.inputs()));
            models.add(new DnnModel(m.name(), r.nextBoolean() ? 0 : m.inputBytes(), layers));
        }
        Network net = new Network(in.network().defaultBandwidth(), 0, in.network().links());
        return new Instance(in.name(), in.timeUnit(), in.objective(), in.granularity(), in.contention(), models, in.nodes(),
                net, in.profiles(), in.tasks(), null);
    }

    @Test
    void everyPlanOfEveryRandomInstanceGetsAScheduleTheValidatorAccepts() {
        Random r = new Random(20261126);
        int checked = 0;
        for (int i = 0; i < 120; i++) {
            Instance base = TinyInstances.random(5000 + i, 2 + r.nextInt(i % 3 == 0 ? 30 : 10), 2 + r.nextInt(8), 3 + r.nextInt(8))
                    .withGranularity(Granularity.values()[r.nextInt(2)])
                    .withContention(Contention.values()[r.nextInt(2)])
                    .withObjective(Objective.values()[r.nextInt(2)]);
            Instance in = i % 4 == 3 ? withZeroTickItems(base, r) : base;
            CompiledInstance ci = in.compile();
            for (int j = 0; j < 4; j++) {
                Preschedule p = DynamicPrescheduler.run(ci, randomPlan(ci, r));
                ValidationReport report = validate(ci, p);
                assertTrue(report.valid(), () -> in.name() + ": " + report.summary());
                assertEquals(report.objectiveTicks(), p.objective(), 1e-9, "objective agrees with the validator");
                for (int t = 0; t < ci.taskCount(); t++) assertEquals(p.schedule().completion(ci, t), p.completion(t));
                checked++;
            }
        }
        assertEquals(480, checked);
    }

    @Test
    void nodeProfilesAreSortedDisjointAndAccountForEveryBusyTick() {
        Random r = new Random(7);
        for (int i = 0; i < 30; i++) {
            CompiledInstance ci = TinyInstances.random(900 + i, 8, 6, 6).compile();
            Preschedule p = DynamicPrescheduler.run(ci, randomPlan(ci, r));
            long busy = 0;
            for (int t = 0; t < ci.taskCount(); t++)
                for (int l = 0; l < ci.layerCount(t); l++) busy += ci.proc(t, l, p.schedule().node(t, l));
            long listed = 0;
            for (Preschedule.NodeProfile np : p.nodes()) {
                for (int j = 1; j < np.computeStart().length; j++) assertTrue(np.computeStart()[j] >= np.computeEnd()[j - 1]);
                for (int j = 1; j < np.ingressStart().length; j++) assertTrue(np.ingressStart()[j] >= np.ingressEnd()[j - 1]);
                assertTrue(np.idleTicks() >= 0 && np.queueTicks() >= 0);
                assertEquals(np.lastEnd() - ci.availableAt(np.node()), np.busyTicks() + np.idleTicks());
                listed += np.busyTicks();
            }
            assertEquals(busy, listed);
        }
    }

    @Test
    void theQueueEstimateIsTheFirstInstantNoOtherTaskOccupies() {
        Random r = new Random(11);
        for (int i = 0; i < 20; i++) {
            CompiledInstance ci = TinyInstances.random(1200 + i, 12, 6, 5).compile();
            Preschedule p = DynamicPrescheduler.run(ci, randomPlan(ci, r));
            for (int t = 0; t < ci.taskCount(); t++) {
                QueueEstimate q = QueueEstimate.of(ci, p, t);
                for (int n = 0; n < ci.nodeCount(); n++)
                    for (int j = 0; j < 10; j++) {
                        long ready = r.nextInt((int) Math.max(2, p.nodes().get(n).lastEnd() + 5));
                        Preschedule.NodeProfile np = p.nodes().get(n);
                        assertEquals(naive(np.computeStart(), np.computeEnd(), np.computeTask(), t, Math.max(ready, ci.availableAt(n))),
                                q.computeStart(n, ready));
                        assertEquals(naive(np.ingressStart(), np.ingressEnd(), np.ingressTask(), t, ready), q.ingressStart(n, ready));
                    }
            }
        }
    }

    /** Move past any interval of another task covering r until none does. */
    private static long naive(long[] s, long[] e, int[] task, int excluded, long r) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < s.length; i++)
                if (task[i] != excluded && s[i] <= r && r < e[i]) {
                    r = e[i];
                    moved = true;
                }
        }
        return r;
    }

    // ---- docs/model.md §7: single-layer tasks from distinct devices forced onto one edge node = two-machine flow shop

    /**
     * Job j: input transfer of a[j] ticks into edge1 (stage 1, its ingress), then b[j] ticks of compute
     * (stage 2); the output is empty and the latency zero, so the return costs nothing. 1 tick = 1 ms,
     * 1 byte = 1 tick on every link, 1000 FLOP = 1 tick on edge1.
     */
    static Instance flowShop(long[] a, long[] b) {
        List<Node> nodes = new ArrayList<>();
        List<DnnModel> models = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int j = 0; j < a.length; j++) {
            nodes.add(new Node("dev" + (j + 1), NodeKind.DEVICE, 1e6));
            models.add(new DnnModel("m" + (j + 1), a[j], List.of(Layer.chained("l0", b[j] * 1000.0, 0, 0, null))));
            tasks.add(new Task("t" + (j + 1), "m" + (j + 1), "dev" + (j + 1), 0, 1, List.of("edge1")));
        }
        nodes.add(new Node("edge1", NodeKind.EDGE, 1e6));
        return new Instance("flowshop", 1e-3, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS, models, nodes,
                new Network(1e3, 0, List.<Link>of()), List.of(), tasks, null);
    }

    /** The flow-shop optimum by enumerating every job order (independent of Johnson's rule). */
    static long bestPermutationMakespan(long[] a, long[] b) {
        int n = a.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        long best = Long.MAX_VALUE;
        do {
            long c1 = 0, c2 = 0;
            for (int j : perm) {
                c1 += a[j];
                c2 = Math.max(c1, c2) + b[j];
            }
            best = Math.min(best, c2);
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int x = p[i]; p[i] = p[j]; p[j] = x;
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) { x = p[l]; p[l] = p[r]; p[r] = x; }
        return true;
    }

    @Test
    void onTwoMachineFlowShopsThePreschedulerMakespanIsTheOptimum() {
        Random r = new Random(1954); // the year of Johnson's paper
        for (int i = 0; i < 60; i++) {
            int n = 2 + r.nextInt(6);
            long[] a = new long[n], b = new long[n];
            for (int j = 0; j < n; j++) {
                a[j] = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(20);
                b[j] = 1 + r.nextInt(20);
            }
            CompiledInstance ci = flowShop(a, b).compile();
            int[][] plan = new int[n][];
            for (int t = 0; t < n; t++) plan[t] = new int[]{ci.nodeIndex("edge1")};
            Preschedule p = DynamicPrescheduler.run(ci, plan);
            assertTrue(validate(ci, p).valid());
            long optimum = bestPermutationMakespan(a, b);
            assertEquals(optimum, (long) p.objective(), () -> "a=" + java.util.Arrays.toString(a) + " b=" + java.util.Arrays.toString(b));
        }
    }

    @Test
    void johnsonUsesTheTextbookKeysNotTheSwappedOnes() {
        // Job 1: a=1, b=9 (a ≤ b: goes first); job 2: a=9, b=1 (goes last). Textbook order 1,2 gives 1+9+1 = 11;
        // the swapped keys would run 2 first: 9+1, then job 1's compute at 10 → 19.
        CompiledInstance ci = flowShop(new long[]{9, 1}, new long[]{1, 9}).compile();
        int e = ci.nodeIndex("edge1");
        Preschedule p = DynamicPrescheduler.run(ci, new int[][]{{e}, {e}});
        assertEquals(11, (long) p.objective());
        assertTrue(p.schedule().start(1, 0) < p.schedule().start(0, 0), "the a ≤ b job computes first");
    }

    @Test
    void aSingleChainTaskRunsAsSoonAsItsDataAndNodesAllow() {
        // A plan's single chain task is never delayed beyond its path: the DAG's estimate is its completion.
        MultiEndpointDag.Path best;
        for (int i = 0; i < 40; i++) {
            CompiledInstance ci = TinyInstances.random(300 + i, 1, 6, 5).withContention(Contention.values()[i % 2]).compile();
            MultiEndpointDag dag = new MultiEndpointDag(ci);
            if (!isChain(ci, 0)) continue;
            best = dag.best(0, QueueEstimate.idle(ci));
            Preschedule p = DynamicPrescheduler.run(ci, new int[][]{best.placement()});
            assertEquals(best.completion(), p.completion(0));
            assertArrayEquals(best.placement(), p.schedule().placement(0));
        }
    }

    static boolean isChain(CompiledInstance ci, int t) {
        for (int l = 0; l < ci.layerCount(t); l++) {
            int[] p = ci.preds(t, l);
            if (l == 0 ? p.length != 0 : p.length != 1 || p[0] != l - 1) return false;
        }
        return true;
    }
}
