package io.edgesplit.dynamic;

import java.util.Comparator;

/**
 * One thing the simulator dispatches: a block of layers on a node (a segment, or one layer under granularity
 * layer) or one transfer into a node. Mutable simulation state, confined to {@link Engine}.
 */
final class Unit {
    /**
     * Queue order on a resource: requests first planned earlier first (a request re-planned while it waits keeps
     * its place, as in a real queue), then earlier plans, then planned start, then creation order. A unit waits
     * only for units before it on its resource or for its own request's, so a cycle of waits would need one
     * admission and one plan epoch, i.e. one valid plan whose times already order it: there is none.
     */
    static final Comparator<Unit> QUEUE_ORDER = Comparator.<Unit>comparingLong(u -> u.admitted).thenComparingLong(u -> u.epoch)
            .thenComparingLong(u -> u.planned).thenComparingLong(u -> u.seq);

    final int request;
    final int node;          // compute node, or the transfer's destination
    final int first, last;   // layers first..last (compute); -1 for a transfer
    final int tensor, from;  // transfer: tensor (-1 = model input) and source node; -1 for compute
    final long planned;      // absolute planned start tick
    final long admitted;     // the decision that first planned its request
    final long epoch;        // the decision whose plan made it
    final long seq;          // creation order: dependencies are created first
    boolean started;
    long start = -1, end = -1;
    long timerAt = -1;       // a pending recheck, so one is not scheduled twice

    private Unit(int request, int node, int first, int last, int tensor, int from, long planned, long admitted, long epoch, long seq) {
        this.request = request;
        this.node = node;
        this.first = first;
        this.last = last;
        this.tensor = tensor;
        this.from = from;
        this.planned = planned;
        this.admitted = admitted;
        this.epoch = epoch;
        this.seq = seq;
    }

    static Unit compute(int request, int node, int first, int last, long planned, long admitted, long epoch, long seq) {
        return new Unit(request, node, first, last, -1, -1, planned, admitted, epoch, seq);
    }

    static Unit transfer(int request, int tensor, int from, int to, long planned, long admitted, long epoch, long seq) {
        return new Unit(request, to, -1, -1, tensor, from, planned, admitted, epoch, seq);
    }

    boolean isTransfer() { return first < 0; }
}
