package io.edgesplit.backend.medagils;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.CollaborativeRemapping;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.QueueEstimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One random kick of {@code medag-ils}: either the task priorities of the list scheduler (a task moved to
 * the front, or two tasks swapped), or the plans of 1..r tasks, chosen half of the time among the three
 * that contribute most to the objective: each gets a random one of its six best DAG paths under the
 * current queues, its whole model on one random node, or a random split origin → another node.
 */
final class Perturbation {
    private static final int PATHS = 6;
    private final CompiledInstance ci;
    private final MultiEndpointDag dag;
    private final Random rng;

    Perturbation(CompiledInstance ci, MultiEndpointDag dag, Random rng) {
        this.ci = ci;
        this.dag = dag;
        this.rng = rng;
    }

    /** A perturbed copy of {@code plan}; may change {@code priority} in place instead. */
    int[][] apply(int[][] plan, Preschedule current, double[] priority, int maxTasks) {
        int T = ci.taskCount();
        int[][] out = new int[T][];
        for (int t = 0; t < T; t++) out[t] = plan[t].clone();
        if (T > 1 && rng.nextInt(4) == 0) {
            int a = rng.nextInt(T), b = rng.nextInt(T);
            if (rng.nextBoolean()) priority[a] = Arrays.stream(priority).min().orElse(0) - 1;
            else {
                double x = priority[a];
                priority[a] = priority[b];
                priority[b] = x;
            }
            return out;
        }
        int[] critical = Arrays.copyOf(CollaborativeRemapping.byContribution(ci, current), Math.min(3, T));
        int r = 1 + rng.nextInt(Math.min(maxTasks, T));
        for (int i = 0; i < r; i++) {
            int t = rng.nextBoolean() ? critical[rng.nextInt(critical.length)] : rng.nextInt(T);
            int[] p = switch (rng.nextInt(3)) {
                case 0 -> otherPath(t, current, out[t]);
                case 1 -> singleNode(t);
                default -> split(t);
            };
            if (p != null) out[t] = p;
        }
        return out;
    }

    private int[] otherPath(int t, Preschedule current, int[] now) {
        List<MultiEndpointDag.Path> paths = dag.best(t, QueueEstimate.of(ci, current, t), PATHS);
        List<int[]> other = new ArrayList<>();
        for (MultiEndpointDag.Path p : paths) if (!Arrays.equals(p.placement(), now)) other.add(p.placement());
        return other.isEmpty() ? null : other.get(rng.nextInt(other.size()));
    }

    /** Nodes eligible for t on which every layer from {@code from} on can run. */
    private List<Integer> wholeFrom(int t, int from) {
        List<Integer> nodes = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) {
            if (!ci.eligible(t, n)) continue;
            boolean all = true;
            for (int l = from; l < ci.layerCount(t) && all; l++) all = ci.canRun(t, l, n);
            if (all) nodes.add(n);
        }
        return nodes;
    }

    private int[] singleNode(int t) {
        List<Integer> nodes = wholeFrom(t, 0);
        if (nodes.isEmpty()) return null;
        int[] p = new int[ci.layerCount(t)];
        Arrays.fill(p, nodes.get(rng.nextInt(nodes.size())));
        return p;
    }

    private int[] split(int t) {
        int L = ci.layerCount(t), o = ci.origin(t);
        if (!ci.eligible(t, o) || L < 2) return singleNode(t);
        int cut = 1 + rng.nextInt(L - 1);
        for (int l = 0; l < cut; l++) if (!ci.canRun(t, l, o)) return singleNode(t);
        List<Integer> nodes = wholeFrom(t, cut);
        nodes.remove(Integer.valueOf(o));
        if (nodes.isEmpty()) return null;
        int[] p = new int[L];
        Arrays.fill(p, 0, cut, o);
        Arrays.fill(p, cut, L, nodes.get(rng.nextInt(nodes.size())));
        return p;
    }
}
