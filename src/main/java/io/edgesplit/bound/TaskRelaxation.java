package io.edgesplit.bound;

import io.edgesplit.model.CompiledInstance;

/**
 * One task alone, with empty queues (docs/bounds.md, "each task alone"): for every layer and every node it
 * may run on, the earliest start ({@link #head}) and the least time from its end to the task's completion
 * ({@link #tail}), both relaxations of every schedule that puts the layer there.
 *
 * <p>The forward pass lets each predecessor of a layer choose its own best node per consumer, so on a DAG it
 * is a relaxation (never above the truth for any placement); on a chain every layer has one predecessor and
 * the pass is the exact shortest path over (layers done, node holding the tensor), so {@link #alone} is the
 * exact completion of a chain task alone. Tails ignore {@code availableAt} (a relaxation too).
 */
final class TaskRelaxation {
    static final long INF = Long.MAX_VALUE / 4;

    final int task;
    final int origin;
    final long release;
    final double weight;
    final int layers;
    /** The task's eligible nodes (indices into the instance's nodes); the DP works on positions into this array. */
    final int[] nodes;
    final boolean chain;
    /** proc[l][k]: ticks of layer l on nodes[k], or -1 when it cannot run there. */
    final long[][] proc;
    final long[][] head;
    final long[][] tail;
    /** Earliest completion C_t of the task alone (absolute ticks). */
    final long alone;
    private final ModelTransfers tr;
    private final CompiledInstance ci;

    TaskRelaxation(CompiledInstance ci, int t, ModelTransfers tr, java.util.Map<String, long[][]> tails) {
        this.ci = ci;
        this.task = t;
        this.tr = tr;
        this.origin = ci.origin(t);
        this.release = ci.release(t);
        this.weight = ci.weight(t);
        this.layers = ci.layerCount(t);
        int n = ci.nodeCount();
        int count = 0;
        for (int i = 0; i < n; i++) if (ci.eligible(t, i)) count++;
        nodes = new int[count];
        count = 0;
        for (int i = 0; i < n; i++) if (ci.eligible(t, i)) nodes[count++] = i;
        int e = nodes.length;
        boolean isChain = true;
        proc = new long[layers][e];
        for (int l = 0; l < layers; l++) {
            int[] p = ci.preds(t, l);
            if (l == 0 ? p.length != 0 : (p.length != 1 || p[0] != l - 1)) isChain = false;
            for (int k = 0; k < e; k++) proc[l][k] = ci.proc(t, l, nodes[k]);
        }
        chain = isChain;

        head = new long[layers][e];
        long[][] end = new long[layers][e];
        for (int l = 0; l < layers; l++) {
            int[] preds = ci.preds(t, l);
            long[] inputRow = preds.length == 0 ? tr.row(-1) : null;
            for (int k = 0; k < e; k++) {
                if (proc[l][k] < 0) { head[l][k] = INF; end[l][k] = INF; continue; }
                int q = nodes[k];
                long s = ci.availableAt(q);
                if (inputRow != null) s = Math.max(s, release + inputRow[origin * n + q]);
                for (int j : preds) {
                    long[] row = tr.row(j), endJ = end[j];
                    long best = INF;
                    for (int p = 0; p < e; p++) {
                        long v = endJ[p];
                        if (v < INF) best = Math.min(best, v + row[nodes[p] * n + q]);
                    }
                    s = Math.max(s, best);
                }
                head[l][k] = Math.min(s, INF);
                end[l][k] = head[l][k] >= INF ? INF : head[l][k] + proc[l][k];
            }
        }
        long c = release;
        for (int l = 0; l < layers; l++) {
            if (!ci.isOutput(t, l)) continue;
            long best = INF;
            long[] row = tr.row(l);
            for (int p = 0; p < e; p++)
                if (end[l][p] < INF) best = Math.min(best, end[l][p] + row[nodes[p] * n + origin]);
            c = Math.max(c, best);
        }
        alone = c;
        tail = tails.computeIfAbsent(tailKey(ci, t), key -> tails(ci, t, tr));
    }

    /** Tails depend on the model, the origin and the eligible nodes only: tasks that share those share them. */
    private static String tailKey(CompiledInstance ci, int t) {
        StringBuilder sb = new StringBuilder().append(ci.modelIndex(t)).append('@').append(ci.origin(t)).append(':');
        for (int i = 0; i < ci.nodeCount(); i++) sb.append(ci.eligible(t, i) ? '1' : '0');
        return sb.toString();
    }

    private long[][] tails(CompiledInstance ci, int t, ModelTransfers tr) {
        int e = nodes.length, n = ci.nodeCount();
        long[][] tl = new long[layers][e];
        // body[s][q] = proc + tail of s on q: what a successor on q still needs once its input is there
        long[][] body = new long[layers][e];
        for (int l = layers - 1; l >= 0; l--) {
            int[] succs = ci.succs(t, l);
            long[] row = tr.row(l);
            for (int p = 0; p < e; p++) {
                if (proc[l][p] < 0) { tl[l][p] = INF; body[l][p] = INF; continue; }
                int from = nodes[p] * n;
                if (succs.length == 0) tl[l][p] = row[from + origin];
                else {
                    long worst = 0;
                    for (int s : succs) {
                        long best = INF;
                        long[] bs = body[s];
                        for (int q = 0; q < e; q++)
                            if (bs[q] < INF) best = Math.min(best, row[from + nodes[q]] + bs[q]);
                        worst = Math.max(worst, best);
                    }
                    tl[l][p] = Math.min(worst, INF);
                }
                body[l][p] = tl[l][p] >= INF ? INF : proc[l][p] + tl[l][p];
            }
        }
        return tl;
    }

    /** Whether layer l may run on nodes[k] in some schedule with every completion at most {@code deadline}. */
    boolean fits(int l, int k, long deadline) {
        return proc[l][k] >= 0 && head[l][k] < INF && tail[l][k] < INF && head[l][k] + proc[l][k] + tail[l][k] <= deadline;
    }

    /** Ticks of tensor {@code tensor} (-1 = the model input) from node p to node q (node indices, not positions). */
    long transfer(int tensor, int p, int q) { return tr.ticks(tensor, p, q); }

    CompiledInstance instance() { return ci; }

    /**
     * Transfer ticks per tensor of one model, for every ordered node pair (tasks of one model share it).
     * The table is filled lazily, one tensor at a time.
     */
    static final class ModelTransfers {
        private final CompiledInstance ci;
        private final int firstTask;
        private final int n;
        private final long[][] table;

        ModelTransfers(CompiledInstance ci, int firstTask) {
            this.ci = ci;
            this.firstTask = firstTask;
            this.n = ci.nodeCount();
            this.table = new long[ci.layerCount(firstTask) + 1][];
        }

        long ticks(int tensor, int p, int q) {
            return p == q ? 0 : row(tensor)[p * n + q];
        }

        /** Ticks of the tensor from p to q at {@code [p * nodeCount + q]} (0 on the diagonal). */
        long[] row(int tensor) {
            long[] row = table[tensor + 1];
            if (row == null) {
                row = new long[n * n];
                double bytes = ci.tensorBytes(firstTask, tensor);
                for (int a = 0; a < n; a++)
                    for (int b = 0; b < n; b++) row[a * n + b] = ci.transfer(bytes, a, b);
                table[tensor + 1] = row;
            }
            return row;
        }
    }
}
