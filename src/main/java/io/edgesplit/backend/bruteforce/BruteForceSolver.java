package io.edgesplit.backend.bruteforce;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Objective;
import io.edgesplit.schedule.Block;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.solver.UnsupportedInstanceException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact reference backend {@code bruteforce} for tiny instances: the oracle the other exact backends are
 * tested against.
 *
 * <h2>Why it is exact</h2>
 * <ol>
 *   <li><b>Placements.</b> It enumerates every placement: every layer on every node it can run on.</li>
 *   <li><b>Activities.</b> A placement fixes the set of activities: the blocks (a whole segment under
 *   granularity {@code segment}, since docs/model.md §4.6 makes its layers start back to back, or a single layer)
 *   on their node's compute resource, and the required transfers (docs/model.md §3) on their destination's ingress
 *   resource (no resource under contention {@code none}). Zero-tick activities use no resource. Every
 *   constraint of docs/model.md §4 is then "start(B) ≥ start(A) + lag" (lag = end offset of the producing layer
 *   in A minus the offset of the consuming layer in B; it may be negative inside a block), "start ≥ a
 *   constant" (release, availableAt) or "no overlap on a resource".</li>
 *   <li><b>Semi-active schedules suffice.</b> Both objectives are regular (non-decreasing in every
 *   completion time). Take any feasible schedule S and its order of activities on each resource. Every
 *   edge of precedence ∪ resource order goes from an activity to one that ends no earlier, and a
 *   resource edge to a strictly later end (positive durations), so that graph is acyclic; list the
 *   activities in a topological order of it and start each at the earliest time its precedences, its
 *   constant bounds and the end of the previous activity on its resource allow ("append"). By induction
 *   every start is ≤ its start in S, so no completion grows: an optimal schedule is among those the
 *   append rule produces from precedence-feasible activity lists.</li>
 *   <li><b>Enumeration.</b> A depth-first search enumerates precedence-feasible lists with the append rule.
 *   Pruning never loses an optimum: (a) resource-free activities are placed as soon as ready (their start
 *   does not depend on the list); (b) two adjacent activities on different resources, neither an ancestor
 *   of the other, give the same state in either order, so only the order with the smaller index first is
 *   explored (the lexicographically smallest list of each class survives); (c) branch and bound with lower
 *   bounds that hold for every completion of a partial list (remaining work on a resource after its last
 *   end; longest remaining path of lags), discarding only branches that cannot beat the incumbent.</li>
 * </ol>
 * Hence the best schedule found, when the search finishes, is optimal ({@code OPTIMAL}). If the time limit
 * stops it first, it returns its incumbent as {@code FEASIBLE}.
 */
public final class BruteForceSolver implements Solver {
    /** Refuse beyond these: the search is exponential. */
    static final int DEFAULT_MAX_LAYERS = 10;
    static final long DEFAULT_MAX_PLACEMENTS = 200_000;

    @Override
    public String name() { return "bruteforce"; }

    @Override
    public String description() {
        return "exact enumeration of placements and semi-active schedules (tiny instances only)";
    }

    @Override
    public boolean exact() { return true; }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofInt("maxLayers", DEFAULT_MAX_LAYERS, "refuse instances with more layers in all"),
                ParamSpec.ofInt("maxPlacements", (int) DEFAULT_MAX_PLACEMENTS, "refuse instances with more placements"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        int maxLayers = options.params().getInt("maxLayers", DEFAULT_MAX_LAYERS);
        long maxPlacements = options.params().getInt("maxPlacements", (int) DEFAULT_MAX_PLACEMENTS);
        if (ci.totalLayers() > maxLayers)
            throw new UnsupportedInstanceException("bruteforce handles at most " + maxLayers + " layers in all; this instance has "
                    + ci.totalLayers() + " (use an exact backend such as cpsat)");
        double placements = 1;
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) placements *= ci.nodesFor(t, l).length;
        if (placements > maxPlacements)
            throw new UnsupportedInstanceException("bruteforce handles at most " + maxPlacements + " placements; this instance has "
                    + (long) placements + " (use an exact backend such as cpsat)");
        return new Search(ci, options).run();
    }

    /** One activity of a fixed placement. */
    private static final class Act {
        int task, res = -1; // res: compute n → n; ingress n → N + n; −1 none
        long dur, rel;
        Block block;        // for blocks
        long[] offset;      // per layer of the block, its start offset
        int tensor, from, to; // for transfers
        final List<long[]> preds = new ArrayList<>(); // {act, lag}
        long ancestors;     // bit set of transitive predecessors
    }

    private static final class Search {
        final CompiledInstance ci;
        final long deadline;
        final long t0 = System.nanoTime();
        final int T, N;
        final List<TracePoint> trace = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        Schedule bestSchedule;
        boolean timedOut;

        // per placement
        int[][] nodeOf;
        List<Act> acts;
        List<List<long[]>> completionTerms; // per task: {act, exitOffset}
        long[] tail;     // longest path from start(a) to its task's completion
        int[] ready;     // unplaced predecessor count
        List<List<Integer>> succ;
        long[] startOf;
        boolean[] placed;
        long[] resEnd;
        long[] resRemaining;

        Search(CompiledInstance ci, SolveOptions o) {
            this.ci = ci;
            this.deadline = o.deadlineNanos(t0);
            T = ci.taskCount();
            N = ci.nodeCount();
        }

        SolveResult run() {
            nodeOf = new int[T][];
            for (int t = 0; t < T; t++) nodeOf[t] = new int[ci.layerCount(t)];
            enumeratePlacements(0, 0);
            if (bestSchedule == null)
                return new SolveResult(timedOut ? Status.UNKNOWN : Status.INFEASIBLE, null, null, trace, null);
            long bound = timedOut ? 0 : (long) Math.floor(best + 1e-9);
            return new SolveResult(timedOut ? Status.FEASIBLE : Status.OPTIMAL, bestSchedule,
                    timedOut ? null : bound, trace, null);
        }

        void enumeratePlacements(int t, int l) {
            if (timedOut) return;
            if (t == T) {
                searchPlacement();
                return;
            }
            if (l == ci.layerCount(t)) {
                enumeratePlacements(t + 1, 0);
                return;
            }
            for (int n : ci.nodesFor(t, l)) {
                nodeOf[t][l] = n;
                enumeratePlacements(t, l + 1);
            }
        }

        void searchPlacement() {
            buildActivities();
            int A = acts.size();
            // Lower bound of the placement without any resource: skip it if it cannot beat the incumbent.
            startOf = new long[A];
            placed = new boolean[A];
            ready = new int[A];
            resEnd = new long[2 * N];
            resRemaining = new long[2 * N];
            for (int a = 0; a < A; a++) {
                ready[a] = acts.get(a).preds.size();
                if (acts.get(a).res >= 0) resRemaining[acts.get(a).res] += acts.get(a).dur;
            }
            if (lowerBound() >= best - 1e-9) return;
            placeForced();
            dfs(-1);
        }

        void buildActivities() {
            acts = new ArrayList<>();
            completionTerms = new ArrayList<>();
            Map<Long, Integer> transferAct = new HashMap<>();
            int[][] blockAct = new int[T][];
            for (int t = 0; t < T; t++) {
                completionTerms.add(new ArrayList<>());
                blockAct[t] = new int[ci.layerCount(t)];
                for (Block b : ScheduleBuilder.blocks(ci, t, nodeOf[t])) {
                    Act a = new Act();
                    a.task = t;
                    a.block = b;
                    a.offset = new long[b.size()];
                    long off = 0;
                    for (int l = b.first(); l <= b.last(); l++) {
                        a.offset[l - b.first()] = off;
                        off += ci.proc(t, l, b.node());
                        blockAct[t][l] = acts.size();
                    }
                    a.dur = off;
                    a.res = off > 0 ? b.node() : -1;
                    a.rel = ci.availableAt(b.node());
                    acts.add(a);
                }
            }
            for (int t = 0; t < T; t++) {
                int origin = ci.origin(t);
                for (int l = 0; l < ci.layerCount(t); l++) {
                    Act b = acts.get(blockAct[t][l]);
                    int n = nodeOf[t][l];
                    long off = b.offset[l - b.block.first()];
                    if (ci.readsInput(t, l)) {
                        if (n == origin) b.rel = Math.max(b.rel, ci.release(t) - off);
                        else {
                            int tr = transfer(t, -1, origin, n, transferAct);
                            b.preds.add(new long[]{tr, acts.get(tr).dur - off});
                        }
                    }
                    for (int p : ci.preds(t, l)) {
                        if (blockAct[t][p] == blockAct[t][l]) continue;
                        Act pa = acts.get(blockAct[t][p]);
                        long exit = pa.offset[p - pa.block.first()] + ci.proc(t, p, nodeOf[t][p]);
                        if (nodeOf[t][p] == n) b.preds.add(new long[]{blockAct[t][p], exit - off});
                        else {
                            int tr = transfer(t, p, nodeOf[t][p], n, transferAct);
                            if (acts.get(tr).preds.isEmpty()) acts.get(tr).preds.add(new long[]{blockAct[t][p], exit});
                            b.preds.add(new long[]{tr, acts.get(tr).dur - off});
                        }
                    }
                    if (ci.isOutput(t, l)) {
                        long exit = off + ci.proc(t, l, n);
                        if (n == origin) completionTerms.get(t).add(new long[]{blockAct[t][l], exit});
                        else {
                            int tr = transfer(t, l, n, origin, transferAct);
                            if (acts.get(tr).preds.isEmpty()) acts.get(tr).preds.add(new long[]{blockAct[t][l], exit});
                            completionTerms.get(t).add(new long[]{tr, acts.get(tr).dur});
                        }
                    }
                }
            }
            // Deduplicate predecessor edges (keep the largest lag) and derive ancestors, successors, tails.
            int A = acts.size();
            if (A > 63) throw new UnsupportedInstanceException("bruteforce handles at most 63 activities per placement, got " + A);
            succ = new ArrayList<>();
            for (int a = 0; a < A; a++) succ.add(new ArrayList<>());
            for (int a = 0; a < A; a++) {
                Map<Integer, Long> best = new java.util.TreeMap<>();
                for (long[] e : acts.get(a).preds) best.merge((int) e[0], e[1], Math::max);
                acts.get(a).preds.clear();
                for (Map.Entry<Integer, Long> e : best.entrySet()) {
                    acts.get(a).preds.add(new long[]{e.getKey(), e.getValue()});
                    succ.get(e.getKey()).add(a);
                }
            }
            int[] order = topologicalOrder();
            topoCache = order;
            for (int a : order) {
                long anc = 0;
                for (long[] e : acts.get(a).preds) anc |= acts.get((int) e[0]).ancestors | (1L << e[0]);
                acts.get(a).ancestors = anc;
            }
            tail = new long[A];
            Arrays.fill(tail, Long.MIN_VALUE / 4);
            for (int t = 0; t < T; t++) for (long[] c : completionTerms.get(t)) tail[(int) c[0]] = Math.max(tail[(int) c[0]], c[1]);
            for (int i = order.length - 1; i >= 0; i--) {
                int a = order[i];
                for (int s : succ.get(a))
                    for (long[] e : acts.get(s).preds) if (e[0] == a) tail[a] = Math.max(tail[a], e[1] + tail[s]);
            }
        }

        int transfer(int t, int tensor, int from, int to, Map<Long, Integer> index) {
            long key = ((long) t * 1_000_000L + tensor + 1) * N + to;
            Integer known = index.get(key);
            if (known != null) return known;
            Act a = new Act();
            a.task = t;
            a.tensor = tensor;
            a.from = from;
            a.to = to;
            a.dur = ci.transfer(ci.tensorBytes(t, tensor), from, to);
            a.res = ci.contention() == Contention.INGRESS && a.dur > 0 ? N + to : -1;
            a.rel = tensor < 0 ? ci.release(t) : 0;
            acts.add(a);
            index.put(key, acts.size() - 1);
            return acts.size() - 1;
        }

        int[] topologicalOrder() {
            int A = acts.size();
            int[] indeg = new int[A];
            for (int a = 0; a < A; a++) indeg[a] = acts.get(a).preds.size();
            int[] order = new int[A];
            int head = 0, tailIdx = 0;
            for (int a = 0; a < A; a++) if (indeg[a] == 0) order[tailIdx++] = a;
            while (head < tailIdx) {
                int a = order[head++];
                for (int s : succ.get(a)) if (--indeg[s] == 0) order[tailIdx++] = s;
            }
            if (tailIdx != A) throw new IllegalStateException("activity graph has a cycle");
            return order;
        }

        long earliest(int a) {
            Act x = acts.get(a);
            long s = Math.max(0, x.rel);
            for (long[] e : x.preds) s = Math.max(s, startOf[(int) e[0]] + e[1]);
            if (x.res >= 0) s = Math.max(s, resEnd[x.res]);
            return s;
        }

        void place(int a) {
            Act x = acts.get(a);
            startOf[a] = earliest(a);
            placed[a] = true;
            if (x.res >= 0) {
                resEnd[x.res] = startOf[a] + x.dur;
                resRemaining[x.res] -= x.dur;
            }
            for (int s : succ.get(a)) ready[s]--;
        }

        void unplace(int a, long prevResEnd) {
            Act x = acts.get(a);
            placed[a] = false;
            if (x.res >= 0) {
                resEnd[x.res] = prevResEnd;
                resRemaining[x.res] += x.dur;
            }
            for (int s : succ.get(a)) ready[s]++;
        }

        /** Places every ready resource-free activity; returns them for undoing. */
        List<Integer> placeForced() {
            List<Integer> done = new ArrayList<>();
            boolean progress = true;
            while (progress) {
                progress = false;
                for (int a = 0; a < acts.size(); a++)
                    if (!placed[a] && ready[a] == 0 && acts.get(a).res < 0) {
                        place(a);
                        done.add(a);
                        progress = true;
                    }
            }
            return done;
        }

        void dfs(int last) {
            if ((++nodes & 0x3FF) == 0 && io.edgesplit.solver.Deadline.passed(deadline)) timedOut = true;
            if (timedOut) return;
            boolean any = false;
            for (int a = 0; a < acts.size(); a++) {
                if (placed[a] || ready[a] != 0) continue;
                any = true;
                Act x = acts.get(a);
                if (last >= 0 && a < last && acts.get(last).res != x.res && (x.ancestors & (1L << last)) == 0) continue;
                long prev = resEnd[x.res];
                place(a);
                List<Integer> forced = placeForced();
                if (lowerBound() < best - 1e-9) dfs(a);
                for (int i = forced.size() - 1; i >= 0; i--) unplace(forced.get(i), 0);
                unplace(a, prev);
                if (timedOut) return;
            }
            if (!any) leaf();
        }

        /** A lower bound on the objective of every completion of the current partial list. */
        double lowerBound() {
            int A = acts.size();
            long[] head = new long[A];
            long[] taskLb = new long[T];
            for (int t = 0; t < T; t++) taskLb[t] = Long.MIN_VALUE;
            for (int a : topo()) {
                Act x = acts.get(a);
                if (placed[a]) head[a] = startOf[a];
                else {
                    long h = Math.max(0, x.rel);
                    for (long[] e : x.preds) h = Math.max(h, head[(int) e[0]] + e[1]);
                    if (x.res >= 0) h = Math.max(h, resEnd[x.res]);
                    head[a] = h;
                }
                if (tail[a] > Long.MIN_VALUE / 8) taskLb[x.task] = Math.max(taskLb[x.task], head[a] + tail[a]);
            }
            if (ci.objective() == Objective.MAKESPAN) {
                long m = 0;
                for (long v : taskLb) m = Math.max(m, v);
                for (int r = 0; r < 2 * N; r++) if (resRemaining[r] > 0) m = Math.max(m, resEnd[r] + resRemaining[r]);
                return m;
            }
            double s = 0;
            for (int t = 0; t < T; t++) s += ci.weight(t) * (taskLb[t] - ci.release(t));
            return s;
        }

        long nodes;
        int[] topoCache;

        int[] topo() { return topoCache; }

        void leaf() {
            long[] completion = new long[T];
            for (int t = 0; t < T; t++) {
                long c = Long.MIN_VALUE;
                for (long[] term : completionTerms.get(t)) c = Math.max(c, startOf[(int) term[0]] + term[1]);
                completion[t] = c;
            }
            double obj = Schedule.objective(ci, completion);
            if (obj < best - 1e-9) {
                best = obj;
                bestSchedule = toSchedule();
                trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, null));
            }
        }

        Schedule toSchedule() {
            long[][] start = new long[T][];
            List<List<Transfer>> trs = new ArrayList<>();
            for (int t = 0; t < T; t++) {
                start[t] = new long[ci.layerCount(t)];
                trs.add(new ArrayList<>());
            }
            for (int a = 0; a < acts.size(); a++) {
                Act x = acts.get(a);
                if (x.block != null)
                    for (int l = x.block.first(); l <= x.block.last(); l++)
                        start[x.task][l] = startOf[a] + x.offset[l - x.block.first()];
                else trs.get(x.task).add(new Transfer(x.tensor, x.from, x.to, startOf[a]));
            }
            return new Schedule(nodeOf, start, trs);
        }
    }
}
