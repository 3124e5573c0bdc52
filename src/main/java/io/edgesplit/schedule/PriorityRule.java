package io.edgesplit.schedule;

import java.util.Comparator;

/**
 * Which ready block the schedule builder places next (smaller first). A block is ready when every block
 * holding one of its layers' predecessors is placed; {@code readyTicks} is then the latest end of those
 * predecessors (or the release), before transfers.
 */
public interface PriorityRule extends Comparator<PriorityRule.Candidate> {

    /** A ready block and its ready time. */
    record Candidate(Block block, long readyTicks) {}

    /** Earliest ready first; ties by task index, then list order. */
    static PriorityRule earliestReady() {
        return (a, b) -> {
            int c = Long.compare(a.readyTicks(), b.readyTicks());
            if (c != 0) return c;
            c = Integer.compare(a.block().task(), b.block().task());
            return c != 0 ? c : Integer.compare(a.block().first(), b.block().first());
        };
    }

    /**
     * Whole tasks in the given order (rank 0 first), each task's blocks in list order: first come, first
     * served when the rank is the release order. Later tasks still fill idle gaps (insertion).
     */
    static PriorityRule taskOrder(int[] rank) {
        int[] r = rank.clone();
        return (a, b) -> {
            int c = Integer.compare(r[a.block().task()], r[b.block().task()]);
            if (c != 0) return c;
            c = Integer.compare(a.block().task(), b.block().task());
            return c != 0 ? c : Integer.compare(a.block().first(), b.block().first());
        };
    }

    /** Per-task priority values (smaller first), then earliest ready. */
    static PriorityRule byTaskValue(double[] value) {
        double[] v = value.clone();
        PriorityRule tie = earliestReady();
        return (a, b) -> {
            int c = Double.compare(v[a.block().task()], v[b.block().task()]);
            return c != 0 ? c : tie.compare(a, b);
        };
    }
}
