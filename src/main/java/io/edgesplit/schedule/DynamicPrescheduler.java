package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Dynamic prescheduling (docs/medag.md §1, the first step of the seed paper's method): turns a plan (every task's
 * placement, hence its segments) into a complete feasible schedule by simulating every node as a
 * two-stage pipeline, ingress (receiving tensors) then compute.
 *
 * <p>Each segment is a <em>subtask</em> (docs/medag.md §1) with a transmission part {@code a} (the ticks of the
 * tensors it receives from other nodes; summed under ingress contention, where they queue, the longest
 * one under contention none) and an execution part {@code b} (its compute ticks). Subtasks are
 * <em>unconstrained</em> when they depend on no other segment (their only external input is the model
 * input, ready at release) and <em>constrained</em> otherwise.
 *
 * <ul>
 *   <li>Unconstrained subtasks of a node are taken in <b>Johnson's order</b> (textbook keys: first the
 *   subtasks with {@code a ≤ b} by ascending {@code a}, then the rest by descending {@code b}); with
 *   releases, the next one is the first in Johnson's order among those already released when the node
 *   frees up (or, if none is, the earliest-released one). Their input transfers enter the node's ingress
 *   in that order, so ingress and compute overlap as in a two-machine flow shop.</li>
 *   <li>Constrained subtasks become candidates once every predecessor segment is scheduled.</li>
 *   <li>The simulation repeatedly takes the node whose next subtask can start earliest, and starts on it,
 *   among its candidates (the Johnson head and its ready constrained subtasks), the one that leaves the
 *   node idle the shortest time, i.e. the earliest feasible start (ties: Johnson's order). The chosen
 *   subtask's transfers are booked at their earliest fit on the ingress stage (with insertion into idle
 *   gaps: a transfer usually happens before the compute that waits for it), then its compute block
 *   right after the node's previous one (a queue: the dispatch times never decrease, since a subtask
 *   only becomes a candidate when its predecessor is booked and it is ready after that predecessor
 *   ends, so there is never an earlier gap to fill); an output's return transfer is booked on the
 *   origin's ingress as soon as the output ends.</li>
 * </ul>
 *
 * <p>Every segment runs as one block (valid under both granularities), nothing starts before
 * {@code availableAt}, release or its data, and no two transfers into a node overlap under ingress
 * contention, so the result always passes the validator. Cost: O(S · c · g) for S subtasks, c ready
 * candidates per node and g the ingress gaps an earliest-fit search walks (a few in practice).
 */
public final class DynamicPrescheduler {
    private DynamicPrescheduler() {}

    /**
     * Preschedules a plan.
     *
     * @param placement per task, per layer, the node (must be a node the layer can run on)
     * @throws IllegalArgumentException when a layer is placed where it cannot run
     */
    public static Preschedule run(CompiledInstance ci, int[][] placement) {
        return new Run(ci, placement, false).go();
    }

    /**
     * Preschedules a plan; with {@code insertion} a subtask's compute block goes into the earliest idle gap
     * of its node that fits (as the schedule builder and HEFT place work) instead of after the node's
     * previous block. Which subtask goes next is chosen by the same rule either way.
     */
    public static Preschedule run(CompiledInstance ci, int[][] placement, boolean insertion) {
        return new Run(ci, placement, insertion).go();
    }

    /** A growable list of (start, end, task) intervals. */
    private static final class IntervalLog {
        long[] s = new long[8], e = new long[8];
        int[] t = new int[8];
        int size;

        void add(long start, long end, int task) {
            if (end <= start) return; // zero-tick work occupies nothing
            if (size == s.length) {
                s = Arrays.copyOf(s, size * 2);
                e = Arrays.copyOf(e, size * 2);
                t = Arrays.copyOf(t, size * 2);
            }
            s[size] = start;
            e[size] = end;
            t[size++] = task;
        }

        /** Sorted copies: {starts, ends} and tasks. */
        Object[] sorted() {
            Integer[] idx = new Integer[size];
            for (int i = 0; i < size; i++) idx[i] = i;
            Arrays.sort(idx, (x, y) -> Long.compare(s[x], s[y]));
            long[] ss = new long[size], ee = new long[size];
            int[] tt = new int[size];
            for (int i = 0; i < size; i++) {
                ss[i] = s[idx[i]];
                ee[i] = e[idx[i]];
                tt[i] = t[idx[i]];
            }
            return new Object[]{ss, ee, tt};
        }
    }

    private static final class Run {
        final CompiledInstance ci;
        final int T, N;
        final boolean ingressContention;
        final int[][] nodeOf;
        final long[][] start, end;
        final List<List<Transfer>> transfers = new ArrayList<>();
        final List<Map<Long, Long>> arrival = new ArrayList<>();
        final Timeline[] ingress;
        final Timeline[] compute; // only with insertion
        final boolean insertion;
        final IntervalLog[] computeLog, ingressLog;
        final long[] queue, nodeFree;

        // Subtasks (segments), numbered task by task in list order.
        int S;
        int[] subTask, subFirst, subLast, subNode, missing;
        long[] subA, subB, subRelease;
        int[][] dependents;
        boolean[] unconstrained, booked;
        // Filled when a subtask becomes ready (every predecessor segment scheduled).
        long[] fixedReady;
        int[][] needTensor;
        long[][] needReady, needDur, needOffset;

        // Per node: its unconstrained subtasks in Johnson order, the first unbooked one, its ready constrained ones.
        int[][] johnson;
        int[] johnsonNext;
        List<java.util.LinkedHashSet<Integer>> readyConstrained = new ArrayList<>(); // sets: removal is O(1), not a scan of the queue
        int[] bestSub, version;
        long[] bestEst;

        Run(CompiledInstance ci, int[][] placement, boolean insertion) {
            this.ci = ci;
            this.insertion = insertion;
            T = ci.taskCount();
            N = ci.nodeCount();
            ingressContention = ci.contention() == Contention.INGRESS;
            nodeOf = new int[T][];
            start = new long[T][];
            end = new long[T][];
            for (int t = 0; t < T; t++) {
                nodeOf[t] = ScheduleBuilder.checkedPlacement(ci, t, placement[t]);
                start[t] = new long[ci.layerCount(t)];
                end[t] = new long[ci.layerCount(t)];
                transfers.add(new ArrayList<>());
                arrival.add(new HashMap<>());
            }
            ingress = new Timeline[N];
            compute = insertion ? new Timeline[N] : null;
            computeLog = new IntervalLog[N];
            ingressLog = new IntervalLog[N];
            queue = new long[N];
            nodeFree = new long[N];
            for (int n = 0; n < N; n++) {
                ingress[n] = new Timeline();
                if (insertion) compute[n] = new Timeline();
                computeLog[n] = new IntervalLog();
                ingressLog[n] = new IntervalLog();
                nodeFree[n] = ci.availableAt(n);
                readyConstrained.add(new java.util.LinkedHashSet<>());
            }
        }

        void buildSubtasks() {
            int[][] subOf = new int[T][];
            List<int[]> subs = new ArrayList<>(); // {task, first, last, node}
            for (int t = 0; t < T; t++) {
                subOf[t] = new int[nodeOf[t].length];
                int first = 0, L = nodeOf[t].length;
                for (int l = 1; l <= L; l++)
                    if (l == L || nodeOf[t][l] != nodeOf[t][first]) {
                        for (int x = first; x < l; x++) subOf[t][x] = subs.size();
                        subs.add(new int[]{t, first, l - 1, nodeOf[t][first]});
                        first = l;
                    }
            }
            S = subs.size();
            subTask = new int[S];
            subFirst = new int[S];
            subLast = new int[S];
            subNode = new int[S];
            missing = new int[S];
            subA = new long[S];
            subB = new long[S];
            subRelease = new long[S];
            unconstrained = new boolean[S];
            booked = new boolean[S];
            fixedReady = new long[S];
            needTensor = new int[S][];
            needReady = new long[S][];
            needDur = new long[S][];
            needOffset = new long[S][];
            List<List<Integer>> deps = new ArrayList<>();
            for (int i = 0; i < S; i++) deps.add(new ArrayList<>());
            for (int i = 0; i < S; i++) {
                int[] s = subs.get(i);
                int t = s[0], n = s[3];
                subTask[i] = t;
                subFirst[i] = s[1];
                subLast[i] = s[2];
                subNode[i] = n;
                subRelease[i] = ci.release(t);
                long b = 0, aSum = 0, aMax = 0;
                java.util.TreeSet<Integer> predSubs = new java.util.TreeSet<>();
                java.util.TreeSet<Integer> external = new java.util.TreeSet<>(); // tensors received from other nodes
                for (int l = s[1]; l <= s[2]; l++) {
                    b += ci.proc(t, l, n);
                    if (ci.readsInput(t, l) && ci.origin(t) != n) external.add(-1);
                    for (int p : ci.preds(t, l))
                        if (p < s[1]) {
                            predSubs.add(subOf[t][p]);
                            if (nodeOf[t][p] != n) external.add(p);
                        }
                }
                for (int x : external) {
                    long d = ci.transfer(ci.tensorBytes(t, x), x < 0 ? ci.origin(t) : nodeOf[t][x], n);
                    aSum += d;
                    aMax = Math.max(aMax, d);
                }
                subA[i] = ingressContention ? aSum : aMax;
                subB[i] = b;
                missing[i] = predSubs.size();
                unconstrained[i] = predSubs.isEmpty();
                for (int p : predSubs) deps.get(p).add(i);
            }
            dependents = new int[S][];
            for (int i = 0; i < S; i++) dependents[i] = deps.get(i).stream().mapToInt(Integer::intValue).toArray();

            List<List<Integer>> perNode = new ArrayList<>();
            for (int n = 0; n < N; n++) perNode.add(new ArrayList<>());
            for (int i = 0; i < S; i++) if (unconstrained[i]) perNode.get(subNode[i]).add(i);
            johnson = new int[N][];
            johnsonNext = new int[N];
            for (int n = 0; n < N; n++) {
                List<Integer> u = perNode.get(n);
                u.sort(this::johnsonCompare);
                johnson[n] = u.stream().mapToInt(Integer::intValue).toArray();
            }
            for (int i = 0; i < S; i++) if (unconstrained[i]) prepare(i);
        }

        /**
         * Johnson's rule with the textbook keys (transmission a, execution b): subtasks with a ≤ b first, by
         * ascending a; then the others by descending b. Further ties: task index, then list order.
         */
        int johnsonCompare(int x, int y) {
            boolean fx = subA[x] <= subB[x], fy = subA[y] <= subB[y];
            if (fx != fy) return fx ? -1 : 1;
            int c = fx ? Long.compare(subA[x], subA[y]) : Long.compare(subB[y], subB[x]);
            if (c != 0) return c;
            c = Integer.compare(subTask[x], subTask[y]);
            return c != 0 ? c : Integer.compare(subFirst[x], subFirst[y]);
        }

        /** Fixes what a subtask needs once its predecessors are scheduled: constant bounds and external tensors. */
        void prepare(int i) {
            int t = subTask[i], n = subNode[i];
            long fixed = ci.availableAt(n);
            Map<Integer, Integer> needIdx = new java.util.TreeMap<>();
            List<long[]> needs = new ArrayList<>(); // {tensor, readyAt, dur, minOffset}
            long offset = 0;
            for (int l = subFirst[i]; l <= subLast[i]; l++) {
                if (ci.readsInput(t, l)) {
                    if (ci.origin(t) == n) fixed = Math.max(fixed, ci.release(t) - offset);
                    else addNeed(t, -1, ci.origin(t), ci.release(t), n, offset, needIdx, needs);
                }
                for (int p : ci.preds(t, l)) {
                    if (p >= subFirst[i]) continue; // inside the block: covered by the offset
                    if (nodeOf[t][p] == n) fixed = Math.max(fixed, end[t][p] - offset);
                    else addNeed(t, p, nodeOf[t][p], end[t][p], n, offset, needIdx, needs);
                }
                offset += ci.proc(t, l, n);
            }
            // Transfers in order of readiness, as they will be booked.
            needs.sort((x, y) -> x[1] != y[1] ? Long.compare(x[1], y[1]) : Long.compare(x[0], y[0]));
            int k = needs.size();
            needTensor[i] = new int[k];
            needReady[i] = new long[k];
            needDur[i] = new long[k];
            needOffset[i] = new long[k];
            for (int j = 0; j < k; j++) {
                long[] nd = needs.get(j);
                needTensor[i][j] = (int) nd[0];
                needReady[i][j] = nd[1];
                needDur[i][j] = nd[2];
                needOffset[i][j] = nd[3];
            }
            fixedReady[i] = fixed;
        }

        void addNeed(int t, int tensor, int src, long readyAt, int n, long offset, Map<Integer, Integer> idx, List<long[]> needs) {
            Integer j = idx.get(tensor);
            if (j != null) return; // the first (smallest-offset) consumer binds
            idx.put(tensor, needs.size());
            needs.add(new long[]{tensor, readyAt, ci.transfer(ci.tensorBytes(t, tensor), src, n), offset});
        }

        long key(int tensor, int n) { return ((long) tensor + 1) * N + n; }

        /** Earliest compute start of subtask i given the current state, booking nothing (transfers fitted one by one). */
        long estimate(int i) {
            int t = subTask[i], n = subNode[i];
            long ready = fixedReady[i];
            for (int j = 0; j < needTensor[i].length; j++) {
                Long known = arrival.get(t).get(key(needTensor[i][j], n));
                long arr;
                if (known != null) arr = known;
                else {
                    long s = ingressContention ? ingress[n].earliestFit(needReady[i][j], needDur[i][j]) : needReady[i][j];
                    arr = s + needDur[i][j];
                }
                ready = Math.max(ready, arr - needOffset[i][j]);
            }
            return computeStart(n, ready, subB[i]);
        }

        /** Where a block of {@code dur} ticks ready at {@code ready} starts on n: after the queue, or in a gap. */
        long computeStart(int n, long ready, long dur) {
            return insertion ? compute[n].earliestFit(ready, dur) : Math.max(ready, nodeFree[n]);
        }

        /** A lower bound on {@link #estimate}: transfers as if the ingress were free. */
        long lowerBound(int i) {
            long ready = insertion ? fixedReady[i] : Math.max(fixedReady[i], nodeFree[subNode[i]]);
            for (int j = 0; j < needTensor[i].length; j++)
                ready = Math.max(ready, needReady[i][j] + needDur[i][j] - needOffset[i][j]);
            return ready;
        }

        /** Books the arrival of a tensor of task t on node n (once per tensor and node). */
        long arrive(int t, int tensor, int src, long readyAt, long dur, int n) {
            long k = key(tensor, n);
            Long known = arrival.get(t).get(k);
            if (known != null) return known;
            long s = readyAt;
            if (ingressContention) {
                s = ingress[n].earliestFit(readyAt, dur);
                ingress[n].reserve(s, dur);
                ingressLog[n].add(s, s + dur, t);
            }
            transfers.get(t).add(new Transfer(tensor, src, n, s));
            arrival.get(t).put(k, s + dur);
            return s + dur;
        }

        /** Schedules subtask i; returns the origin node when a return transfer was booked there, else -1. */
        int book(int i) {
            int t = subTask[i], n = subNode[i];
            long ready = fixedReady[i];
            for (int j = 0; j < needTensor[i].length; j++) {
                int x = needTensor[i][j];
                long arr = arrive(t, x, x < 0 ? ci.origin(t) : nodeOf[t][x], needReady[i][j], needDur[i][j], n);
                ready = Math.max(ready, arr - needOffset[i][j]);
            }
            long s = computeStart(n, ready, subB[i]);
            if (insertion) compute[n].reserve(s, subB[i]);
            computeLog[n].add(s, s + subB[i], t);
            queue[n] += s - ready;
            nodeFree[n] = Math.max(nodeFree[n], s + subB[i]);
            long at = s;
            for (int l = subFirst[i]; l <= subLast[i]; l++) {
                start[t][l] = at;
                at += ci.proc(t, l, n);
                end[t][l] = at;
            }
            booked[i] = true;
            int origin = ci.origin(t), touched = -1;
            for (int l = subFirst[i]; l <= subLast[i]; l++)
                if (ci.isOutput(t, l) && n != origin) {
                    arrive(t, l, n, end[t][l], ci.transfer(ci.outputBytes(t, l), n, origin), origin);
                    touched = origin;
                }
            return touched;
        }

        /** The node's next unconstrained subtask: Johnson order among those released by the time it frees up. */
        int johnsonHead(int n) {
            int[] order = johnson[n];
            while (johnsonNext[n] < order.length && booked[order[johnsonNext[n]]]) johnsonNext[n]++;
            int earliest = -1;
            for (int j = johnsonNext[n]; j < order.length; j++) {
                int i = order[j];
                if (booked[i]) continue;
                if (subRelease[i] <= nodeFree[n]) return i;
                if (earliest < 0 || subRelease[i] < subRelease[earliest]) earliest = i;
            }
            return earliest;
        }

        void refresh(int n, PriorityQueue<long[]> pq) {
            int best = johnsonHead(n);
            long bestE = best < 0 ? Long.MAX_VALUE : estimate(best);
            for (int i : readyConstrained.get(n)) {
                // A cheap lower bound first: most candidates cannot beat the best one, so skip their ingress search.
                if (best >= 0) {
                    long lb = lowerBound(i);
                    if (lb > bestE || (lb == bestE && johnsonCompare(i, best) > 0)) continue;
                }
                long e = estimate(i);
                if (best < 0 || e < bestE || (e == bestE && johnsonCompare(i, best) < 0)) {
                    best = i;
                    bestE = e;
                }
            }
            bestSub[n] = best;
            bestEst[n] = bestE;
            version[n]++;
            if (best >= 0) pq.add(new long[]{bestE, n, version[n]});
        }

        Preschedule go() {
            buildSubtasks();
            bestSub = new int[N];
            bestEst = new long[N];
            version = new int[N];
            PriorityQueue<long[]> pq = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            for (int n = 0; n < N; n++) refresh(n, pq);
            int done = 0;
            boolean[] dirty = new boolean[N];
            int[] dirtyList = new int[N];
            while (!pq.isEmpty()) {
                long[] top = pq.poll();
                int n = (int) top[1];
                if (top[2] != version[n]) continue;
                int i = bestSub[n];
                if (i < 0) continue;
                if (!unconstrained[i]) readyConstrained.get(n).remove(Integer.valueOf(i));
                int touched = book(i);
                done++;
                int nd = 0;
                dirty[n] = true;
                dirtyList[nd++] = n;
                if (touched >= 0 && !dirty[touched]) {
                    dirty[touched] = true;
                    dirtyList[nd++] = touched;
                }
                for (int d : dependents[i])
                    if (--missing[d] == 0) {
                        prepare(d);
                        readyConstrained.get(subNode[d]).add(d);
                        if (!dirty[subNode[d]]) {
                            dirty[subNode[d]] = true;
                            dirtyList[nd++] = subNode[d];
                        }
                    }
                for (int j = 0; j < nd; j++) {
                    dirty[dirtyList[j]] = false;
                    refresh(dirtyList[j], pq);
                }
            }
            if (done != S) throw new IllegalStateException("prescheduling left " + (S - done) + " subtasks unscheduled");

            Schedule schedule = new Schedule(nodeOf, start, transfers);
            long[] completions = new long[T];
            for (int t = 0; t < T; t++) completions[t] = schedule.completion(ci, t);
            List<Preschedule.NodeProfile> profiles = new ArrayList<>(N);
            for (int n = 0; n < N; n++) {
                Object[] c = computeLog[n].sorted(), g = ingressLog[n].sorted();
                long busy = 0;
                long[] cs = (long[]) c[0], ce = (long[]) c[1];
                for (int j = 0; j < cs.length; j++) busy += ce[j] - cs[j];
                long last = Math.max(ci.availableAt(n), nodeFree[n]);
                profiles.add(new Preschedule.NodeProfile(n, cs, ce, (int[]) c[2], (long[]) g[0], (long[]) g[1], (int[]) g[2],
                        queue[n], last - ci.availableAt(n) - busy, last));
            }
            return new Preschedule(schedule, completions, Schedule.objective(ci, completions), profiles);
        }
    }
}
