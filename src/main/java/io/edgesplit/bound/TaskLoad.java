package io.edgesplit.bound;

/**
 * What one task must put on a {@link ResourceSet} (docs/bounds.md, "capacity"): the least total busy time
 * over the plans the task may use ({@code load}), no part of it before {@code head}, and at least
 * {@code tail} ticks between the end of its last part and the task's completion.
 *
 * <p>For a chain the least load is a shortest path over (layers done, node holding the tensor) that charges
 * a layer's ticks when its node's compute is in the set and a transfer's ticks when the receiving node's
 * ingress is; for a DAG model only compute is charged (each layer its cheapest node), which never exceeds
 * the load of any placement. {@code head} and {@code tail} are the least over the options that carry load.
 * With a deadline, only layer/node options that fit it (head + ticks + tail within it) count.
 */
record TaskLoad(long load, long head, long tail) {
    static final TaskLoad NONE = new TaskLoad(0, 0, 0);

    /** The task's load on the set; {@code null} when no plan of the task fits the deadline at all. */
    static TaskLoad of(TaskRelaxation r, ResourceSet set, long deadline) {
        boolean[] c = set.compute(), g = set.ingress();
        int e = r.nodes.length, L = r.layers;
        long load;
        if (r.chain) {
            long[] cur = new long[e], next = new long[e];
            for (int k = 0; k < e; k++) {
                if (!r.fits(0, k, deadline)) { cur[k] = TaskRelaxation.INF; continue; }
                int q = r.nodes[k];
                cur[k] = (c[q] ? r.proc[0][k] : 0) + (g[q] && q != r.origin ? r.transfer(-1, r.origin, q) : 0);
            }
            for (int l = 1; l < L; l++) {
                long minAll = TaskRelaxation.INF;
                for (int p = 0; p < e; p++) minAll = Math.min(minAll, cur[p]);
                for (int k = 0; k < e; k++) {
                    if (!r.fits(l, k, deadline)) { next[k] = TaskRelaxation.INF; continue; }
                    int q = r.nodes[k];
                    long best;
                    if (g[q]) {
                        best = cur[k];
                        for (int p = 0; p < e; p++)
                            if (p != k && cur[p] < TaskRelaxation.INF) best = Math.min(best, cur[p] + r.transfer(l - 1, r.nodes[p], q));
                    } else best = minAll;
                    next[k] = best >= TaskRelaxation.INF ? TaskRelaxation.INF : best + (c[q] ? r.proc[l][k] : 0);
                }
                long[] swap = cur; cur = next; next = swap;
            }
            load = TaskRelaxation.INF;
            for (int p = 0; p < e; p++)
                if (cur[p] < TaskRelaxation.INF)
                    load = Math.min(load, cur[p] + (g[r.origin] && r.nodes[p] != r.origin ? r.transfer(L - 1, r.nodes[p], r.origin) : 0));
            if (load >= TaskRelaxation.INF) return null;
        } else {
            load = 0;
            for (int l = 0; l < L; l++) {
                long best = TaskRelaxation.INF;
                for (int k = 0; k < e; k++) if (r.fits(l, k, deadline)) best = Math.min(best, c[r.nodes[k]] ? r.proc[l][k] : 0);
                if (best >= TaskRelaxation.INF) return null;
                load += best;
            }
        }
        if (load == 0) return NONE;

        long head = TaskRelaxation.INF, tail = TaskRelaxation.INF;
        for (int l = 0; l < L; l++) {
            int[] preds = r.instance().preds(r.task, l);
            long predEnd = TaskRelaxation.INF; // the earliest any input tensor of l can leave its producer
            if (preds.length == 0) predEnd = r.release;
            else for (int j : preds)
                for (int p = 0; p < e; p++)
                    if (r.fits(j, p, deadline)) predEnd = Math.min(predEnd, r.head[j][p] + r.proc[j][p]);
            boolean output = r.instance().isOutput(r.task, l);
            for (int k = 0; k < e; k++) {
                if (!r.fits(l, k, deadline)) continue;
                int q = r.nodes[k];
                if (c[q] && r.proc[l][k] > 0) {
                    head = Math.min(head, r.head[l][k]);
                    tail = Math.min(tail, r.tail[l][k]);
                }
                if (g[q] && (preds.length > 0 || q != r.origin)) { // a tensor may arrive into q for l
                    head = Math.min(head, predEnd);
                    tail = Math.min(tail, r.proc[l][k] + r.tail[l][k]);
                }
                if (output && g[r.origin] && q != r.origin) { // the return transfer into the origin
                    head = Math.min(head, r.head[l][k] + r.proc[l][k]);
                    tail = 0;
                }
            }
        }
        if (head >= TaskRelaxation.INF) return NONE; // cannot happen when load > 0; stay sound regardless
        return new TaskLoad(load, head, tail);
    }
}
