package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;

import java.util.Arrays;

/**
 * When work arriving at a node could start there, as the multi-endpoint DAG's edge weights see it
 * (SPEC 4.3): {@link #idle} knows only each node's {@code availableAt} (a task alone, or a plan made
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

    /** Empty queues: compute waits only for availableAt, transfers never wait. */
    static QueueEstimate idle(CompiledInstance ci) {
        long[] avail = new long[ci.nodeCount()];
        for (int n = 0; n < avail.length; n++) avail[n] = ci.availableAt(n);
        return new QueueEstimate() {
            @Override
            public long computeStart(int node, long ready) { return Math.max(ready, avail[node]); }

            @Override
            public long ingressStart(int node, long ready) { return ready; }
        };
    }

    /**
     * The queues of a preschedule without task {@code excluded}'s own intervals: work arriving at
     * {@code ready} starts at the end of the busy run it arrives in (gaps count as free, whatever their
     * length, so this is an optimistic estimate of the wait).
     */
    static QueueEstimate of(CompiledInstance ci, Preschedule p, int excluded) {
        long[] avail = new long[ci.nodeCount()];
        for (int n = 0; n < avail.length; n++) avail[n] = ci.availableAt(n);
        return new QueueEstimate() {
            @Override
            public long computeStart(int node, long ready) {
                Preschedule.NodeProfile np = p.nodes().get(node);
                return skip(np.computeStart(), np.computeEnd(), np.computeTask(), Math.max(ready, avail[node]), excluded);
            }

            @Override
            public long ingressStart(int node, long ready) {
                Preschedule.NodeProfile np = p.nodes().get(node);
                return skip(np.ingressStart(), np.ingressEnd(), np.ingressTask(), ready, excluded);
            }
        };
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
