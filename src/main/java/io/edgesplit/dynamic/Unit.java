package io.edgesplit.dynamic;

import java.util.Comparator;

/**
 * One thing the simulator dispatches: a block of layers on a node (a segment, or one layer under granularity
 * layer) or one transfer into a node. Mutable simulation state, confined to {@link Engine}.
 */
final class Unit {
    /** Queue order on a resource: earlier plans first, then planned start, then creation order. */
    static final Comparator<Unit> QUEUE_ORDER = Comparator.<Unit>comparingLong(u -> u.epoch)
            .thenComparingLong(u -> u.planned).thenComparingLong(u -> u.seq);

    final int request;
    final int node;          // compute node, or the transfer's destination
    final int first, last;   // layers first..last (compute); -1 for a transfer
    final int tensor, from;  // transfer: tensor (-1 = model input) and source node; -1 for compute
    final long planned;      // absolute planned start tick
    final long epoch;        // the decision whose plan made it
    final long seq;          // creation order: dependencies are created first
    boolean started;
    long start = -1, end = -1;
    long timerAt = -1;       // a pending recheck, so one is not scheduled twice

    private Unit(int request, int node, int first, int last, int tensor, int from, long planned, long epoch, long seq) {
        this.request = request;
        this.node = node;
        this.first = first;
        this.last = last;
        this.tensor = tensor;
        this.from = from;
        this.planned = planned;
        this.epoch = epoch;
        this.seq = seq;
    }

    static Unit compute(int request, int node, int first, int last, long planned, long epoch, long seq) {
        return new Unit(request, node, first, last, -1, -1, planned, epoch, seq);
    }

    static Unit transfer(int request, int tensor, int from, int to, long planned, long epoch, long seq) {
        return new Unit(request, to, -1, -1, tensor, from, planned, epoch, seq);
    }

    boolean isTransfer() { return first < 0; }
}
