package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-task layered DAG of docs/medag.md §2 and its best paths. Vertex {@code (k, n)}: the first k layers
 * (list order) are done and their live tensors are on node n; source {@code (0, origin)} at the release,
 * sink {@code (L, origin)}. An edge {@code (k, a) → (k', b)} runs layers k+1..k' on b: its weight is the
 * transfer of every tensor live across cut k from a to b (summed under ingress contention, where they
 * queue; the longest under contention none), plus the wait at b given by a {@link QueueEstimate}, plus
 * the compute time of those layers on b. The return transfer of the outputs closes the path at the sink.
 * Every task has its own endpoint pair; together the graphs are the paper's multi-endpoint DAG.
 *
 * <p>Representation: an edge {@code k → k'} on node b is the chain of unit steps {@code k → k+1 → … → k'}
 * on b, where a step that stays on the same node costs only the layer's compute (the segment goes on) and
 * a step that changes node pays transfer and wait. This gives the same path costs with O(L·N²) edges
 * instead of O(L²·N²). Because waits are non-decreasing functions of the arrival time, path cost is an
 * earliest-arrival time and a forward dynamic programme over k keeping the K earliest labels per vertex
 * yields the K best paths (all paths of a DAG are simple, and distinct paths are distinct placements).
 *
 * <p>For a chain model this is exact: a single chain task's completion under a placement is exactly its
 * path's arrival time (transfers and segments follow one another, so nothing else can delay them), so the
 * best path is an optimal plan for the task alone (docs/model.md §7). For a DAG model the "all live tensors on one
 * node" reading charges a tensor that skips a segment as if it travelled with it; the prescheduler then
 * evaluates the real plan.
 */
public final class MultiEndpointDag {
    private final CompiledInstance ci;
    private final boolean sumTransfers;
    /** What depends only on models and the network: shareable across instances that have the same ones. */
    private static final class ModelCaches {
        final Map<Integer, double[][]> liveBytes = new HashMap<>();
        /** Per (model, cut): transfer ticks per node pair, -1 = not computed yet; bounded, as models may be many. */
        final Map<Long, long[]> cutTicks = new HashMap<>();
        long cachedEntries;
    }

    private final ModelCaches caches;
    private final Map<Integer, double[][]> liveBytes;
    private final Map<Long, long[]> cutTicks;
    private static final long CACHE_LIMIT = 4_000_000;

    public MultiEndpointDag(CompiledInstance ci) {
        this.ci = ci;
        this.sumTransfers = ci.contention() == Contention.INGRESS;
        // A simulation's residual instances share the network and models: keep transfer ticks across decisions.
        Map<String, Object> memo = ci.sharedMemo();
        caches = memo == null ? new ModelCaches() : (ModelCaches) memo.computeIfAbsent(MultiEndpointDag.class.getName(), k -> new ModelCaches());
        liveBytes = caches.liveBytes;
        cutTicks = caches.cutTicks;
    }

    /**
     * A path = a placement (node per layer), its estimated completion in ticks, and the estimated end tick
     * of every layer along it (arrays are the caller's).
     */
    public record Path(int[] placement, long completion, long[] layerEnds) {}

    /** Bytes of the tensors live across each cut k = 0..L of the task's model (shared by tasks of one model). */
    private double[][] live(int t) {
        return liveBytes.computeIfAbsent(ci.modelIndex(t), m -> {
            int L = ci.layerCount(t);
            // lastUse[x+1] = the last layer reading tensor x (x = -1: the model input); outputs live to the sink.
            int[] lastUse = new int[L + 1];
            Arrays.fill(lastUse, -1);
            for (int l = 0; l < L; l++) {
                if (ci.readsInput(t, l)) lastUse[0] = Math.max(lastUse[0], l);
                for (int p : ci.preds(t, l)) lastUse[p + 1] = Math.max(lastUse[p + 1], l);
                if (ci.isOutput(t, l)) lastUse[l + 1] = L;
            }
            double[][] out = new double[L + 1][];
            for (int k = 0; k <= L; k++) {
                List<Double> b = new ArrayList<>();
                for (int x = -1; x < k; x++) if (lastUse[x + 1] >= k) b.add(ci.tensorBytes(t, x));
                out[k] = b.stream().mapToDouble(Double::doubleValue).toArray();
            }
            return out;
        });
    }

    private final Map<Integer, int[]> eligible = new HashMap<>();

    private int[] eligibleNodes(int t) {
        return eligible.computeIfAbsent(t, x -> {
            int c = 0, N = ci.nodeCount();
            int[] out = new int[N];
            for (int n = 0; n < N; n++) if (ci.eligible(t, n)) out[c++] = n;
            return Arrays.copyOf(out, c);
        });
    }

    /** The transfer-tick cache row of the task's model at a cut, or null when the cache is full. */
    private long[] cutCache(int t, int cut) {
        int N = ci.nodeCount();
        long key = (long) ci.modelIndex(t) << 32 | cut;
        long[] row = cutTicks.get(key);
        if (row == null && caches.cachedEntries + (long) N * N <= CACHE_LIMIT) {
            row = new long[N * N];
            Arrays.fill(row, -1);
            cutTicks.put(key, row);
            caches.cachedEntries += (long) N * N;
        }
        return row;
    }

    private long cutTransfer(long[] cache, double[] bytes, int a, int b) {
        if (cache == null) return cutTransfer(bytes, a, b);
        int i = a * ci.nodeCount() + b;
        long v = cache[i];
        if (v < 0) cache[i] = v = cutTransfer(bytes, a, b);
        return v;
    }

    /**
     * Ticks the edge weight charges to move the tensors live across {@code cut} of task t from a to b
     * (cut 0: the model input; cut L: the outputs' return).
     */
    public long cutTicks(int t, int cut, int a, int b) { return cutTransfer(cutCache(t, cut), live(t)[cut], a, b); }

    /** Ticks to move the tensors live across a cut from a to b (0 when a == b). */
    private long cutTransfer(double[] bytes, int a, int b) {
        if (a == b) return 0;
        long s = 0;
        for (double x : bytes) {
            long d = ci.transfer(x, a, b);
            s = sumTransfers ? s + d : Math.max(s, d);
        }
        return s;
    }

    /** The best path of task t under the estimate. */
    public Path best(int t, QueueEstimate q) { return best(t, q, 1).get(0); }

    /**
     * Up to {@code k} best paths of task t, best first (ties broken deterministically by node indices).
     * Fewer when the task has fewer placements.
     */
    public List<Path> best(int t, QueueEstimate q, int k) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1");
        int L = ci.layerCount(t), N = ci.nodeCount(), origin = ci.origin(t);
        double[][] live = live(t);
        int[] nodes = eligibleNodes(t);
        // Labels per vertex (cut, node): arrival time and back pointer (node, label) at the previous cut.
        long[] time = new long[(L + 1) * N * k];
        int[] prevNode = new int[(L + 1) * N * k], prevLabel = new int[(L + 1) * N * k];
        int[] count = new int[(L + 1) * N];
        time[origin * k] = ci.release(t);
        prevNode[origin * k] = -1;
        count[origin] = 1;
        long[] ct = new long[k];
        int[] cn = new int[k], cl = new int[k];
        long[] dt = new long[k];
        int[] dn = new int[k], dl = new int[k];
        boolean floorForm = k == 1 && (!sumTransfers || q.ingressIsFloor());
        for (int c = 0; c < L; c++) {
            double[] bytes = live[c];
            long[] cache = cutCache(t, c);
            int[] from = c == 0 ? new int[]{origin} : nodes; // only these vertices of cut c can hold labels
            for (int b : nodes) {
                long p = ci.proc(t, c, b);
                if (p < 0) continue;
                // The k earliest data arrivals on b from another node (or, at the source, a new segment on the origin).
                int dc = 0;
                if (floorForm) { // k == 1 and a transfer into b starts at max(ready, floor): no call per edge
                    long floor = sumTransfers ? q.ingressFloor(b) : Long.MIN_VALUE;
                    long bestArr = Long.MAX_VALUE;
                    int bestA = -1;
                    for (int a : from) { // ascending node order: the first of equal arrivals is the smallest node
                        int ia = c * N + a;
                        if (count[ia] == 0 || (a == b && c > 0)) continue;
                        long at = time[ia];
                        long arr = a == b ? at : Math.max(at, floor) + cutTransfer(cache, bytes, a, b);
                        if (arr < bestArr) {
                            bestArr = arr;
                            bestA = a;
                        }
                    }
                    if (bestA >= 0) {
                        dt[0] = bestArr;
                        dn[0] = bestA;
                        dl[0] = 0;
                        dc = 1;
                    }
                } else for (int a : from) {
                    int na = count[c * N + a];
                    if (na == 0 || (a == b && c > 0)) continue;
                    long tr = cutTransfer(cache, bytes, a, b);
                    for (int i = 0; i < na; i++) {
                        long at = time[(c * N + a) * k + i];
                        long arr = a == b ? at : (sumTransfers ? q.ingressStart(b, at) : at) + tr;
                        dc = insert(dt, dn, dl, dc, k, arr, a, i);
                    }
                }
                int cc = 0;
                for (int i = 0; i < dc; i++) cc = insert(ct, cn, cl, cc, k, q.computeStart(b, dt[i]) + p, dn[i], dl[i]);
                if (c > 0) { // the segment on b goes on: no transfer, no new wait
                    int nb = count[c * N + b];
                    for (int i = 0; i < nb; i++) cc = insert(ct, cn, cl, cc, k, time[(c * N + b) * k + i] + p, b, i);
                }
                int base = ((c + 1) * N + b) * k;
                for (int i = 0; i < cc; i++) {
                    time[base + i] = ct[i];
                    prevNode[base + i] = cn[i];
                    prevLabel[base + i] = cl[i];
                }
                count[(c + 1) * N + b] = cc;
            }
        }
        // Close at the sink (L, origin) with the return transfer of the outputs.
        int sc = 0;
        long[] st = new long[k];
        int[] sn = new int[k], sl = new int[k];
        long[] sinkCache = cutCache(t, L);
        for (int a : nodes) {
            int na = count[L * N + a];
            if (na == 0) continue;
            long tr = cutTransfer(sinkCache, live[L], a, origin);
            for (int i = 0; i < na; i++) {
                long at = time[(L * N + a) * k + i];
                long done = a == origin ? at : (sumTransfers ? q.ingressStart(origin, at) : at) + tr;
                sc = insert(st, sn, sl, sc, k, done, a, i);
            }
        }
        List<Path> out = new ArrayList<>(sc);
        for (int s = 0; s < sc; s++) {
            int[] placement = new int[L];
            long[] ends = new long[L];
            int node = sn[s], label = sl[s];
            for (int c = L; c > 0; c--) {
                placement[c - 1] = node;
                int idx = (c * N + node) * k + label;
                ends[c - 1] = time[idx];
                node = prevNode[idx];
                label = prevLabel[idx];
            }
            out.add(new Path(placement, st[s], ends));
        }
        if (out.isEmpty()) throw new IllegalStateException("task " + ci.taskName(t) + " has no placement");
        return out;
    }

    /** Inserts (time, node, label) into a sorted list of at most k entries; returns the new size. */
    private static int insert(long[] t, int[] n, int[] l, int size, int k, long time, int node, int label) {
        int pos = size;
        while (pos > 0 && (t[pos - 1] > time || (t[pos - 1] == time && (n[pos - 1] > node || (n[pos - 1] == node && l[pos - 1] > label)))))
            pos--;
        if (pos >= k) return size;
        int last = Math.min(size, k - 1);
        for (int j = last; j > pos; j--) {
            t[j] = t[j - 1];
            n[j] = n[j - 1];
            l[j] = l[j - 1];
        }
        t[pos] = time;
        n[pos] = node;
        l[pos] = label;
        return Math.min(size + 1, k);
    }
}
