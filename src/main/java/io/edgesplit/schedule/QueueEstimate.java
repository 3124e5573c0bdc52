package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;

import java.util.Arrays;

/**
 * When work arriving at a node could start there, as the multi-endpoint DAG's edge weights see it
 * (docs/medag.md §2): {@link #idle} knows only each node's {@code availableAt} (a task alone, or a plan made
 * ignoring the other tasks); {@link #of} reads the queues of a previous {@link Preschedule} with one task's
 * own load taken out, so a task being remapped is not delayed by itself.
 *
 * <p>Both functions are non-decreasing in {@code ready} (arriving later never lets work start earlier),
 * which is what makes earliest-arrival dynamic programming over the DAG exact for them.
 */
public interface QueueEstimate {
    /** Earliest start ≥ {@code ready} of new compute work on the node (never before its availableAt). */
    long computeStart(int node, long ready);

    /** Earliest start ≥ {@code ready} of a transfer into the node. */
    long ingressStart(int node, long ready);

    /**
     * Whether {@link #ingressStart} is {@code max(ready, ingressFloor(node))} for every node, so a DAG search
     * can skip the call per edge (the idle estimate and the sequential start's queue reading are).
     */
    default boolean ingressIsFloor() { return false; }

    /** The floor when {@link #ingressIsFloor()}; {@code Long.MIN_VALUE} = transfers never wait. */
    default long ingressFloor(int node) { throw new UnsupportedOperationException("not a floor-form estimate"); }

    /** Empty queues: compute waits only for availableAt, transfers never wait. */
    static QueueEstimate idle(CompiledInstance ci) {
        long[] avail = new long[ci.nodeCount()];
        for (int n = 0; n < avail.length; n++) avail[n] = ci.availableAt(n);
        return new QueueEstimate() {
            @Override
            public long computeStart(int node, long ready) { return Math.max(ready, avail[node]); }

            @Override
            public long ingressStart(int node, long ready) { return ready; }

            @Override
            public boolean ingressIsFloor() { return true; }

            @Override
            public long ingressFloor(int node) { return Long.MIN_VALUE; }
        };
    }

    /**
     * The queues of a preschedule without task {@code excluded}'s own intervals: work arriving at
     * {@code ready} starts at the end of the busy run it arrives in (gaps count as free, whatever their
     * length, so this is an optimistic estimate of the wait).
     */
    static QueueEstimate of(CompiledInstance ci, Preschedule p, int excluded) {
        int N = ci.nodeCount();
        long[] avail = new long[N];
        for (int n = 0; n < N; n++) avail[n] = ci.availableAt(n);
        Runs[] compute = new Runs[N], ingress = new Runs[N];
        return new QueueEstimate() {
            @Override
            public long computeStart(int node, long ready) {
                if (compute[node] == null) {
                    Preschedule.NodeProfile np = p.nodes().get(node);
                    compute[node] = new Runs(np.computeStart(), np.computeEnd(), np.computeTask(), excluded);
                }
                return compute[node].firstFree(Math.max(ready, avail[node]));
            }

            @Override
            public long ingressStart(int node, long ready) {
                if (ingress[node] == null) {
                    Preschedule.NodeProfile np = p.nodes().get(node);
                    ingress[node] = new Runs(np.ingressStart(), np.ingressEnd(), np.ingressTask(), excluded);
                }
                return ingress[node].firstFree(ready);
            }
        };
    }

    /**
     * One stage's busy intervals (sorted, disjoint) with, per interval, where its contiguous busy run ends,
     * so a query is a binary search; only a run holding one of the excluded task's intervals is walked.
     */
    final class Runs {
        private final long[] s, e;
        private final int[] task, runLast, own;
        private final int excluded;

        Runs(long[] s, long[] e, int[] task, int excluded) {
            this.s = s;
            this.e = e;
            this.task = task;
            this.excluded = excluded;
            int n = s.length;
            runLast = new int[n];
            for (int i = n - 1; i >= 0; i--) runLast[i] = i + 1 < n && s[i + 1] <= e[i] ? runLast[i + 1] : i;
            own = java.util.stream.IntStream.range(0, n).filter(i -> task[i] == excluded).toArray();
        }

        long firstFree(long r) {
            int i = Arrays.binarySearch(s, r);
            if (i < 0) i = -i - 2; // the last interval starting before r
            if (i < 0) return r;
            int o = Arrays.binarySearch(own, i);
            if (o < 0) o = -o - 1; // the first own interval at or after i
            if (o >= own.length || own[o] > runLast[i]) // no own interval in this run: jump to its end
                return e[i] > r ? e[runLast[i]] : r;
            return skip(s, e, task, r, excluded);
        }
    }

    /** The first instant ≥ r not covered by an interval of another task (intervals sorted and disjoint). */
    private static long skip(long[] s, long[] e, int[] task, long r, int excluded) {
        int i = Arrays.binarySearch(s, r);
        if (i < 0) i = -i - 2; // last start < r
        else while (i > 0 && s[i - 1] == r) i--; // only zero-length intervals could share a start; none are stored
        if (i < 0) i = 0;
        for (; i < s.length && s[i] <= r; i++)
            if (task[i] != excluded && e[i] > r) r = e[i];
        return r;
    }
}
