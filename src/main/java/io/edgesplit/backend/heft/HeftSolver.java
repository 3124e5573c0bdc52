package io.edgesplit.backend.heft;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.schedule.Timeline;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Baseline {@code heft} (docs/baselines.md): Heterogeneous Earliest Finish Time, Topcuoglu, Hariri and Wu, "Performance-
 * effective and low-complexity task scheduling for heterogeneous computing", IEEE TPDS 13(3), 2002, over the
 * layers of all tasks at once.
 *
 * <ol>
 *   <li><b>Upward ranks.</b> {@code rank(l) = w̄(l) + max over successors s of (c̄(l) + rank(s))}, where
 *   w̄ is the mean of {@code proc} over the nodes the layer can run on, and c̄ the mean transfer time of the
 *   layer's output over ordered pairs of distinct nodes eligible for the task (mean latency + bytes × mean
 *   inverse bandwidth, in fractional ticks). An output layer's rank is
 *   {@code w̄ + c̄ret}, c̄ret the mean time of its return transfer to the origin over the eligible nodes other
 *   than the origin (the paper's exit task has rank w̄; the return is our exit edge).</li>
 *   <li><b>Order.</b> All tasks' layers by decreasing rank (ties: task, then list order, which keeps every
 *   layer after its predecessors).</li>
 *   <li><b>Placement.</b> Each layer in that order goes to the node that minimises its finish, with insertion:
 *   the earliest gap of the node's compute {@link Timeline} after its data are ready. Adaptations: the node
 *   must be able to run the layer; the data-ready time counts the release (input on the origin), the input
 *   transfer, and transfers reserved at their earliest fit on the destination's ingress Timeline (contention
 *   {@code ingress}; with {@code none} they only delay), a tensor sent once per destination; the start is at
 *   least the node's availableAt; for an output layer off the origin the criterion is the arrival of its
 *   return transfer (reserved on the origin's ingress), since that is the task's completion. Ties: the
 *   earlier layer end, then the lower node index.</li>
 *   <li><b>Segment atomicity.</b> HEFT's timing treats layers individually, which is exactly granularity
 *   {@code layer}: there its schedule is returned as is. Under granularity {@code segment} the placement HEFT
 *   chose is rebuilt by the {@link ScheduleBuilder} (segments as blocks, insertion) with HEFT's rank order as
 *   the priority (a block ranks by its highest-ranked layer), so segments stay contiguous by construction.</li>
 * </ol>
 */
public final class HeftSolver implements Solver {
    @Override
    public String name() { return "heft"; }

    @Override
    public String description() {
        return "HEFT (Topcuoglu et al. 2002): upward ranks over all tasks' layers, insertion-based earliest finish";
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long deadline = options.deadlineNanos(System.nanoTime());
        Plan plan = plan(ci, deadline);
        String note = plan.hurried() > 0 ? plan.hurried() + " of " + plan.order().size()
                + " layers placed without comparing nodes: the limit ended first (docs/benchmarks.md, \"Deadlines\")" : null;
        if (ci.granularity() == Granularity.LAYER) return new SolveResult(io.edgesplit.solution.Status.FEASIBLE, plan.schedule(), null, List.of(), note);
        double[][] rank = plan.rank();
        PriorityRule byRank = (a, b) -> {
            int c = Double.compare(blockRank(rank, b.block().task(), b.block().first(), b.block().last()),
                    blockRank(rank, a.block().task(), a.block().first(), a.block().last()));
            if (c != 0) return c;
            c = Integer.compare(a.block().task(), b.block().task());
            return c != 0 ? c : Integer.compare(a.block().first(), b.block().first());
        };
        return new SolveResult(io.edgesplit.solution.Status.FEASIBLE, ScheduleBuilder.build(ci, plan.placement(), byRank), null, List.of(), note);
    }

    private static double blockRank(double[][] rank, int t, int first, int last) {
        double r = Double.NEGATIVE_INFINITY;
        for (int l = first; l <= last; l++) r = Math.max(r, rank[t][l]);
        return r;
    }

    /** One placement decision: per node the finish criterion (−1 where the layer cannot run), and the choice. */
    record Decision(int task, int layer, long[] finishByNode, int chosen) {}

    /** HEFT's result before any rebuild: ranks, processing order, decisions and its own (layer-wise) schedule. */
    record Plan(double[][] rank, List<int[]> order, List<Decision> decisions, Schedule schedule, int hurried) {
        int[][] placement() {
            int[][] p = new int[schedule.taskCount()][];
            for (int t = 0; t < p.length; t++) p[t] = schedule.placement(t);
            return p;
        }
    }

    static double[][] upwardRanks(CompiledInstance ci) {
        double[][] rank = new double[ci.taskCount()][];
        int N = ci.nodeCount();
        double[][] lat = new double[N][N], inv = new double[N][N]; // per ordered pair, in seconds
        for (int p = 0; p < N; p++)
            for (int q = 0; q < N; q++)
                if (p != q) {
                    lat[p][q] = ci.source().network().latency(ci.nodeName(p), ci.nodeName(q));
                    inv[p][q] = 1.0 / ci.source().network().bandwidth(ci.nodeName(p), ci.nodeName(q));
                }
        Map<String, double[]> meanLinks = new HashMap<>(); // eligibility set -> {mean latency, mean 1/bandwidth}
        for (int t = 0; t < ci.taskCount(); t++) {
            int L = ci.layerCount(t), origin = ci.origin(t);
            double[] pairs = meanLinks.computeIfAbsent(eligibilityKey(ci, t), k -> meanOverPairs(k, lat, inv));
            double[] back = meanToOrigin(ci, t, lat, inv);
            rank[t] = new double[L];
            for (int l = L - 1; l >= 0; l--) { // list order is topological: successors come later
                double w = 0;
                int[] nodes = ci.nodesFor(t, l);
                for (int n : nodes) w += ci.proc(t, l, n);
                w /= nodes.length;
                double bytes = ci.outputBytes(t, l), tail;
                if (ci.isOutput(t, l)) {
                    tail = meanCost(ci, back, bytes);
                } else {
                    double maxSucc = 0;
                    for (int s : ci.succs(t, l)) maxSucc = Math.max(maxSucc, rank[t][s]);
                    tail = meanCost(ci, pairs, bytes) + maxSucc;
                }
                rank[t][l] = w + tail;
            }
        }
        return rank;
    }

    /**
     * The mean transfer time of {@code bytes}, in (fractional) ticks: mean latency + bytes × mean(1/bandwidth)
     * over the pairs; this is the mean of the exact per-pair times before their rounding up to whole ticks,
     * and it costs O(1) per tensor once the means of a node set are known (O(N²) per set).
     */
    private static double meanCost(CompiledInstance ci, double[] means, double bytes) {
        return means[2] == 0 ? 0 : (means[0] + bytes * means[1]) / ci.timeUnit();
    }

    private static String eligibilityKey(CompiledInstance ci, int t) {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < ci.nodeCount(); n++) sb.append(ci.eligible(t, n) ? '1' : '0');
        return sb.toString();
    }

    /** {mean latency, mean 1/bandwidth, pair count} over ordered pairs of distinct nodes in the set. */
    private static double[] meanOverPairs(String key, double[][] latency, double[][] inverseBandwidth) {
        double lat = 0, inv = 0;
        int cnt = 0;
        for (int p = 0; p < key.length(); p++)
            for (int q = 0; q < key.length(); q++)
                if (p != q && key.charAt(p) == '1' && key.charAt(q) == '1') {
                    lat += latency[p][q];
                    inv += inverseBandwidth[p][q];
                    cnt++;
                }
        return cnt == 0 ? new double[]{0, 0, 0} : new double[]{lat / cnt, inv / cnt, cnt};
    }

    /** The same means over the links from each eligible node other than the origin to the origin. */
    private static double[] meanToOrigin(CompiledInstance ci, int t, double[][] latency, double[][] inverseBandwidth) {
        int origin = ci.origin(t);
        double lat = 0, inv = 0;
        int cnt = 0;
        for (int n = 0; n < ci.nodeCount(); n++)
            if (n != origin && ci.eligible(t, n)) {
                lat += latency[n][origin];
                inv += inverseBandwidth[n][origin];
                cnt++;
            }
        return cnt == 0 ? new double[]{0, 0, 0} : new double[]{lat / cnt, inv / cnt, cnt};
    }

    static Plan plan(CompiledInstance ci) { return plan(ci, System.nanoTime() + Long.MAX_VALUE / 4); }

    /**
     * HEFT until {@code deadline}; after it, each remaining layer goes to its predecessor's node (or its first
     * allowed node) without trying every node, so an answer comes soon after the limit (counted in hurried).
     */
    static Plan plan(CompiledInstance ci, long deadline) {
        double[][] rank = upwardRanks(ci);
        int hurried = 0;
        List<int[]> order = new ArrayList<>();
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) order.add(new int[]{t, l});
        order.sort((a, b) -> {
            int c = Double.compare(rank[b[0]][b[1]], rank[a[0]][a[1]]);
            if (c != 0) return c;
            c = Integer.compare(a[0], b[0]);
            return c != 0 ? c : Integer.compare(a[1], b[1]);
        });
        State st = new State(ci);
        List<Decision> decisions = new ArrayList<>();
        for (int[] tl : order) {
            int t = tl[0], l = tl[1];
            long[] finish = new long[ci.nodeCount()];
            Arrays.fill(finish, -1);
            int best = -1;
            long bestFinish = Long.MAX_VALUE, bestEnd = Long.MAX_VALUE;
            if ((decisions.size() & 63) == 0 && io.edgesplit.solver.Deadline.passed(deadline) || hurried > 0) {
                int prev = l > 0 ? st.node[t][l - 1] : ci.origin(t);
                best = prev >= 0 && ci.canRun(t, l, prev) ? prev : ci.nodesFor(t, l)[0];
                st.place(t, l, best, true);
                decisions.add(new Decision(t, l, finish, best));
                hurried++;
                continue;
            }
            for (int n : ci.nodesFor(t, l)) {
                long[] r = st.place(t, l, n, false);
                finish[n] = r[1];
                if (r[1] < bestFinish || (r[1] == bestFinish && r[0] < bestEnd)) {
                    best = n;
                    bestFinish = r[1];
                    bestEnd = r[0];
                }
            }
            st.place(t, l, best, true);
            decisions.add(new Decision(t, l, finish, best));
        }
        return new Plan(rank, order, decisions, new Schedule(st.node, st.start, st.transfers), hurried);
    }

    /** The partial schedule while HEFT places layers one by one. */
    private static final class State {
        final CompiledInstance ci;
        final int[][] node;
        final long[][] start, end;
        final Timeline[] compute, ingress;
        final List<List<Transfer>> transfers = new ArrayList<>();
        final List<Map<Long, Long>> arrival = new ArrayList<>(); // per task: (tensor, node) -> arrival tick
        final boolean queues;

        State(CompiledInstance ci) {
            this.ci = ci;
            int T = ci.taskCount(), N = ci.nodeCount();
            node = new int[T][];
            start = new long[T][];
            end = new long[T][];
            for (int t = 0; t < T; t++) {
                node[t] = new int[ci.layerCount(t)];
                Arrays.fill(node[t], -1);
                start[t] = new long[ci.layerCount(t)];
                end[t] = new long[ci.layerCount(t)];
                transfers.add(new ArrayList<>());
                arrival.add(new HashMap<>());
            }
            compute = new Timeline[N];
            ingress = new Timeline[N];
            for (int n = 0; n < N; n++) {
                compute[n] = new Timeline();
                ingress[n] = new Timeline();
            }
            queues = ci.contention() == Contention.INGRESS;
        }

        private long key(int tensor, int n) { return ((long) tensor + 1) * ci.nodeCount() + n; }

        /**
         * Layer l of task t on node n: returns {end, finish criterion}. With {@code commit} it records the
         * layer and reserves its transfers and compute; otherwise it only looks (its own tentative ingress
         * reservations kept aside, since a Timeline cannot be copied).
         */
        long[] place(int t, int l, int n, boolean commit) {
            int origin = ci.origin(t);
            // Tensors to bring to n, in order of readiness (as the schedule builder does): {ready, tensor}.
            List<long[]> needs = new ArrayList<>();
            long lb = 0;
            if (ci.readsInput(t, l)) {
                if (n == origin) lb = ci.release(t);
                else if (arrival.get(t).containsKey(key(-1, n))) lb = arrival.get(t).get(key(-1, n));
                else needs.add(new long[]{ci.release(t), -1});
            }
            for (int p : ci.preds(t, l)) {
                if (node[t][p] < 0) throw new IllegalStateException("rank order placed a layer before its predecessor");
                if (node[t][p] == n) lb = Math.max(lb, end[t][p]);
                else if (arrival.get(t).containsKey(key(p, n))) lb = Math.max(lb, arrival.get(t).get(key(p, n)));
                else needs.add(new long[]{end[t][p], p});
            }
            needs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            List<long[]> tentative = new ArrayList<>();
            for (long[] need : needs) {
                int tensor = (int) need[1];
                int from = tensor < 0 ? origin : node[t][tensor];
                long dur = ci.transfer(ci.tensorBytes(t, tensor), from, n);
                long s = queues ? fit(ingress[n], tentative, need[0], dur, commit) : need[0];
                if (commit) {
                    transfers.get(t).add(new Transfer(tensor, from, n, s));
                    arrival.get(t).put(key(tensor, n), s + dur);
                }
                lb = Math.max(lb, s + dur);
            }
            long proc = ci.proc(t, l, n);
            long s = compute[n].earliestFit(Math.max(lb, ci.availableAt(n)), proc);
            long e = s + proc;
            if (commit) {
                compute[n].reserve(s, proc);
                node[t][l] = n;
                start[t][l] = s;
                end[t][l] = e;
            }
            long criterion = e;
            if (ci.isOutput(t, l) && n != origin) {
                long dur = ci.transfer(ci.outputBytes(t, l), n, origin);
                long rs = queues ? fit(ingress[origin], null, e, dur, commit) : e;
                if (commit) transfers.get(t).add(new Transfer(l, n, origin, rs));
                criterion = rs + dur;
            }
            return new long[]{e, criterion};
        }

        /** Earliest fit on the timeline that is also clear of this evaluation's tentative reservations. */
        private static long fit(Timeline tl, List<long[]> tentative, long ready, long dur, boolean commit) {
            long s = ready;
            while (true) {
                s = tl.earliestFit(s, dur);
                long moved = s;
                if (!commit && tentative != null && dur > 0)
                    for (long[] iv : tentative) if (moved < iv[1] && iv[0] < moved + dur) moved = iv[1];
                if (moved == s) break;
                s = moved;
            }
            if (commit) tl.reserve(s, dur);
            else if (tentative != null && dur > 0) tentative.add(new long[]{s, s + dur});
            return s;
        }
    }
}
