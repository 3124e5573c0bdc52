package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load already placed on every node (compute and ingress {@link Timeline}s), for baselines that decide
 * one request at a time, first come first served, with the servers' queues in view (load-aware
 * Neurosurgeon, DADS). {@link #completion} predicts when a task would finish with a given placement after
 * everything committed so far, by the {@link ScheduleBuilder}'s rules for one task (blocks in list order,
 * each tensor sent once per destination in order of readiness and put at its earliest fit on the
 * destination's ingress, each block at its earliest fit after the node's availableAt, a return right after
 * each output off the origin); {@link #commit} reserves it.
 *
 * <p>A look must not disturb the timelines and a {@link Timeline} cannot be copied cheaply, so a look keeps
 * its own tentative intervals beside the committed ones (a task rarely has more than a few blocks).
 */
public final class LoadedTimelines {
    private final CompiledInstance ci;
    private final Timeline[] compute, ingress;

    public LoadedTimelines(CompiledInstance ci) {
        this.ci = ci;
        compute = new Timeline[ci.nodeCount()];
        ingress = new Timeline[ci.nodeCount()];
        for (int n = 0; n < compute.length; n++) {
            compute[n] = new Timeline();
            ingress[n] = new Timeline();
        }
    }

    /** The predicted completion (ticks) of task t with this placement, nothing reserved. */
    public long completion(int t, int[] nodeOf) { return new Trial(false).run(t, nodeOf); }

    /** Reserves task t with this placement and returns its completion. */
    public long commit(int t, int[] nodeOf) { return new Trial(true).run(t, nodeOf); }

    /**
     * How long work arriving at {@code at} would wait on the node's compute before the committed work ends:
     * the node's backlog seen by a request released then (0 when idle). Gaps before the last end are not
     * subtracted: this is the queue length a load monitor reports, not an insertion slot.
     */
    public long backlog(int node, long at) {
        return Math.max(0, Math.max(compute[node].lastEnd(), ci.availableAt(node)) - at);
    }

    private final class Trial {
        final boolean commit;
        final Map<Integer, List<long[]>> tentCompute = new HashMap<>(), tentIngress = new HashMap<>();
        final Map<Long, Long> arrival = new HashMap<>();
        long[] end;

        Trial(boolean commit) { this.commit = commit; }

        long run(int t, int[] nodeOf) {
            int origin = ci.origin(t);
            end = new long[ci.layerCount(t)];
            long completion = Long.MIN_VALUE;
            for (Block b : ScheduleBuilder.blocks(ci, t, nodeOf)) {
                int n = b.node();
                List<long[]> needs = new ArrayList<>(); // {ready, tensor}
                for (int l = b.first(); l <= b.last(); l++) {
                    if (ci.readsInput(t, l) && origin != n) needs.add(new long[]{ci.release(t), -1});
                    for (int p : ci.preds(t, l)) if (p < b.first() && nodeOf[p] != n) needs.add(new long[]{end[p], p});
                }
                needs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
                for (long[] need : needs) arrive(t, nodeOf, (int) need[1], n);
                long ready = ci.availableAt(n), offset = 0;
                for (int l = b.first(); l <= b.last(); l++) {
                    long lb = ci.readsInput(t, l) ? arrive(t, nodeOf, -1, n) : 0;
                    for (int p : ci.preds(t, l))
                        if (p < b.first()) lb = Math.max(lb, nodeOf[p] == n ? end[p] : arrive(t, nodeOf, p, n));
                    ready = Math.max(ready, lb - offset);
                    offset += ci.proc(t, l, n);
                }
                long at = fit(compute[n], tentCompute, n, ready, offset);
                for (int l = b.first(); l <= b.last(); l++) {
                    at += ci.proc(t, l, n);
                    end[l] = at;
                }
                for (int l = b.first(); l <= b.last(); l++)
                    if (ci.isOutput(t, l))
                        completion = Math.max(completion, n == origin ? end[l] : arrive(t, nodeOf, l, origin));
            }
            return completion;
        }

        /** Arrival of a tensor (−1 = input) on node n, reserving its transfer the first time it is needed. */
        long arrive(int t, int[] nodeOf, int tensor, int n) {
            int src = tensor < 0 ? ci.origin(t) : nodeOf[tensor];
            long readyAt = tensor < 0 ? ci.release(t) : end[tensor];
            if (src == n) return readyAt;
            long key = ((long) tensor + 1) * ci.nodeCount() + n;
            Long known = arrival.get(key);
            if (known != null) return known;
            long dur = ci.transfer(ci.tensorBytes(t, tensor), src, n);
            long s = ci.contention() == Contention.INGRESS ? fit(ingress[n], tentIngress, n, readyAt, dur) : readyAt;
            arrival.put(key, s + dur);
            return s + dur;
        }

        /** Earliest fit on the committed timeline and clear of this trial's own tentative intervals. */
        long fit(Timeline tl, Map<Integer, List<long[]>> tentative, int node, long ready, long dur) {
            if (commit) {
                long s = tl.earliestFit(ready, dur);
                tl.reserve(s, dur);
                return s;
            }
            if (dur <= 0) return ready;
            List<long[]> mine = tentative.computeIfAbsent(node, x -> new ArrayList<>());
            long s = ready;
            while (true) {
                s = tl.earliestFit(s, dur);
                long moved = s;
                for (long[] iv : mine) if (moved < iv[1] && iv[0] < moved + dur) moved = iv[1];
                if (moved == s) break;
                s = moved;
            }
            mine.add(new long[]{s, s + dur});
            return s;
        }
    }
}
