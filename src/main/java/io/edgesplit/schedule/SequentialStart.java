package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;

import java.util.Arrays;
import java.util.TreeMap;

/**
 * A queue-aware sequential plan: tasks in a given order (release order by default) each take their best
 * path in the multi-endpoint DAG given the compute (and, under ingress contention, ingress) time already
 * claimed by the tasks before them. One DAG search per task, no prescheduling. A departure from the seed
 * paper's start (every task's own best path with empty queues), measured in docs/medag.md.
 *
 * <p>How the claimed time is read ({@link Estimate}): {@code TAIL} treats a node as busy up to the end
 * of everything claimed on it (new work queues behind it: exact for the claims, and one array read per
 * DAG edge); {@code GAPS} lets new work start in any gap, whatever its length (optimistic: a path may pick
 * a node for a gap its segment does not fit in, and many tasks then crowd onto the same node).
 */
public final class SequentialStart {
    private SequentialStart() {}

    /** How claimed time delays new work in the DAG search. */
    public enum Estimate { TAIL, GAPS }

    /**
     * The plan. When the deadline (System.nanoTime) passes before every task is planned, each remaining task
     * runs its whole model on the node (eligible for all its layers) whose claimed compute ends first, and
     * claims it there: O(nodes · layers) per task instead of a DAG search, so the start ends on time at any
     * size.
     */
    public static int[][] plan(CompiledInstance ci, MultiEndpointDag dag, Estimate estimate, int[] order, long deadlineNanos) {
        int N = ci.nodeCount(), T = ci.taskCount();
        boolean ingress = ci.contention() == Contention.INGRESS, tail = estimate == Estimate.TAIL;
        Claims[] compute = new Claims[N], in = new Claims[N];
        for (int n = 0; n < N; n++) { // the tail reading needs only the last end, not the runs
            compute[n] = new Claims(!tail);
            in[n] = new Claims(!tail);
        }
        QueueEstimate q = new QueueEstimate() {
            @Override
            public long computeStart(int node, long ready) {
                long r = Math.max(ready, ci.availableAt(node));
                return tail ? Math.max(r, compute[node].lastEnd) : compute[node].firstFree(r);
            }

            @Override
            public long ingressStart(int node, long ready) {
                if (!ingress) return ready;
                return tail ? Math.max(ready, in[node].lastEnd) : in[node].firstFree(ready);
            }

            @Override
            public boolean ingressIsFloor() { return tail || !ingress; }

            @Override
            public long ingressFloor(int node) { return ingress ? in[node].lastEnd : Long.MIN_VALUE; }
        };
        int[][] g = new int[T][];
        boolean cut = false;
        for (int j = 0; j < order.length; j++) {
            int t = order[j];
            if (cut || (j & 15) == 0 && io.edgesplit.solver.Deadline.passed(deadlineNanos)) {
                cut = true;
                g[t] = leastClaimedWholeNode(ci, t, compute);
                if (g[t] != null) continue;
            }
            MultiEndpointDag.Path path = dag.best(t, q);
            g[t] = path.placement();
            int first = 0, L = g[t].length;
            for (int l = 1; l <= L; l++)
                if (l == L || g[t][l] != g[t][first]) {
                    int n = g[t][first];
                    long dur = 0;
                    for (int x = first; x < l; x++) dur += ci.proc(t, x, n);
                    long at = path.layerEnds()[l - 1] - dur;
                    compute[n].claim(tail ? at : compute[n].fit(at, dur), dur);
                    int from = first == 0 ? ci.origin(t) : g[t][first - 1];
                    if (ingress && from != n) { // the tensors crossing into this segment occupy n's ingress
                        long tr = dag.cutTicks(t, first, from, n);
                        long ready = first == 0 ? ci.release(t) : path.layerEnds()[first - 1];
                        in[n].claim(tail ? Math.max(ready, in[n].lastEnd) : in[n].fit(ready, tr), tr);
                    }
                    first = l;
                }
        }
        return g;
    }

    /** The whole model on the node whose claims end first (claimed there), or null when no node runs every layer. */
    private static int[] leastClaimedWholeNode(CompiledInstance ci, int t, Claims[] compute) {
        int L = ci.layerCount(t), best = -1;
        long bestEnd = Long.MAX_VALUE, bestDur = 0;
        for (int n = 0; n < ci.nodeCount(); n++) {
            if (!ci.eligible(t, n)) continue;
            long dur = 0;
            for (int l = 0; l < L && dur >= 0; l++) dur = ci.canRun(t, l, n) ? dur + ci.proc(t, l, n) : -1;
            if (dur < 0) continue;
            long end = Math.max(Math.max(ci.release(t), ci.availableAt(n)), compute[n].lastEnd) + dur;
            if (end < bestEnd) {
                bestEnd = end;
                best = n;
                bestDur = dur;
            }
        }
        if (best < 0) return null;
        compute[best].claim(bestEnd - bestDur, bestDur);
        int[] p = new int[L];
        java.util.Arrays.fill(p, best);
        return p;
    }

    /**
     * Claimed time on one resource as maximal merged runs, so "the first free instant" is one lookup (the
     * start asks it for every DAG edge; a plain interval list would be walked run by run).
     */
    private static final class Claims {
        private final TreeMap<Long, Long> runs = new TreeMap<>(); // start -> end, disjoint, non-adjacent
        private final boolean keepRuns;
        long lastEnd = Long.MIN_VALUE;

        Claims(boolean keepRuns) { this.keepRuns = keepRuns; }

        long firstFree(long r) {
            var e = runs.floorEntry(r);
            return e != null && e.getValue() > r ? e.getValue() : r;
        }

        /** The earliest start >= r where dur ticks are free. */
        long fit(long r, long dur) {
            long c = firstFree(r);
            if (dur <= 0) return c;
            while (true) {
                var next = runs.higherEntry(c);
                if (next == null || next.getKey() >= c + dur) return c;
                c = next.getValue();
            }
        }

        void claim(long s, long dur) {
            if (dur <= 0) return;
            long a = s, b = s + dur;
            lastEnd = Math.max(lastEnd, b);
            if (!keepRuns) return;
            var lower = runs.floorEntry(a);
            if (lower != null && lower.getValue() >= a) {
                a = lower.getKey();
                b = Math.max(b, lower.getValue());
                runs.remove(lower.getKey());
            }
            for (var next = runs.ceilingEntry(a); next != null && next.getKey() <= b; next = runs.ceilingEntry(a)) {
                b = Math.max(b, next.getValue());
                runs.remove(next.getKey());
            }
            runs.put(a, b);
        }
    }
}
