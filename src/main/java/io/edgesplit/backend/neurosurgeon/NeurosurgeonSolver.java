package io.edgesplit.backend.neurosurgeon;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.NodeKind;
import io.edgesplit.schedule.LoadedTimelines;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.UnsupportedInstanceException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Baseline {@code neurosurgeon} (docs/baselines.md), after Kang et al., "Neurosurgeon: Collaborative Intelligence
 * Between the Cloud and Mobile Edge", ASPLOS 2017: each task picks the single split point that minimises its
 * own end-to-end latency, running the first k layers (list order) on its origin and the rest on one edge or
 * cloud node, k = 0 (all remote) … L (all local). The choice ignores every other task, as Neurosurgeon does:
 * the latency of a split is the completion of the task scheduled <em>alone</em> (its release, the nodes'
 * availableAt, its input, cut and return transfers, ingress contention among its own transfers), computed
 * with the {@link ScheduleBuilder}'s rules as if the task were the only one in the instance. Then all tasks are scheduled first come,
 * first served (release order) with those plans.
 *
 * <p>For a DAG model the split is a cut in list order; every tensor crossing the cut (the input for remote
 * input readers, each prefix layer with a successor in the suffix) is transferred. Ties go to the larger k
 * (less offloaded), then the lower node index. A task with no feasible split (eligibility or null profile
 * entries rule out every one) makes the instance unsupported.
 *
 * <p>With {@code loadAware} (docs/baselines.md, "load-aware neurosurgeon"), the split is re-decided under
 * load, as Kang et al. do when the server's load changes: tasks are taken first come first served and each
 * picks the split with the earliest predicted completion given the servers' queues at its arrival (every
 * earlier task's committed schedule), by the same rules; the same candidates, ties and final schedule.
 */
public final class NeurosurgeonSolver implements Solver {
    @Override
    public String name() { return "neurosurgeon"; }

    @Override
    public String description() {
        return "per task the best single device/server split in isolation (Kang et al. 2017), then first come first served";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofBoolean("loadAware", false,
                "choose each split with the servers' predicted queues at the request's arrival (first come first served)"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        Split[] splits = options.params().getBoolean("loadAware", false) ? chooseSplitsUnderLoad(ci) : chooseSplits(ci);
        int[][] placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) placement[t] = splits[t].placement(ci, t);
        Schedule s = ScheduleBuilder.build(ci, placement, PriorityRule.taskOrder(ci.releaseRank()));
        return SolveResult.feasible(s);
    }

    /**
     * One task's plan: layers {@code 0..k-1} on the origin, {@code k..L-1} on {@code server}
     * ({@code server == -1} when k = L).
     *
     * @param isolated the task's completion when scheduled alone with this split (ticks)
     */
    record Split(int k, int server, long isolated) {
        int[] placement(CompiledInstance ci, int t) {
            int[] p = new int[ci.layerCount(t)];
            for (int l = 0; l < p.length; l++) p[l] = l < k ? ci.origin(t) : server;
            return p;
        }
    }

    static Split[] chooseSplits(CompiledInstance ci) {
        Split[] out = new Split[ci.taskCount()];
        // Nothing is ever committed to it: each look is the task alone on idle nodes (load-blind, as Kang et al.).
        LoadedTimelines idle = new LoadedTimelines(ci);
        for (int t = 0; t < ci.taskCount(); t++) out[t] = bestSplit(ci, t, idle);
        return out;
    }

    /**
     * Every feasible split of task t as {lower bound on its isolated completion, k, server}, in increasing
     * bound order. The bound also holds under load (more load only delays).
     */
    private static List<long[]> candidates(CompiledInstance ci, int t) {
        int L = ci.layerCount(t), origin = ci.origin(t);
        // Feasible prefixes on the origin are 0..maxPrefix (a prefix of a feasible prefix is feasible).
        int maxPrefix = 0;
        while (maxPrefix < L && ci.canRun(t, maxPrefix, origin)) maxPrefix++;
        // Every feasible split with a lower bound on its isolated completion, so that most need no schedule.
        // Each node runs its part one layer at a time, after the release and its availableAt. On the server,
        // the first layer to run waits for some tensor from the origin (every suffix layer reads the input,
        // a prefix tensor, or a suffix layer), and the layer run last there has no successor left, so it
        // is an output whose return transfer follows; the last layer in list order is such an output.
        long[] prefixWork = new long[L + 1];
        for (int k = 0; k < maxPrefix; k++) prefixWork[k + 1] = prefixWork[k] + ci.proc(t, k, origin);
        long originFrom = Math.max(ci.release(t), ci.availableAt(origin));
        double[] minCross = new double[L]; // per cut k < L: the smallest tensor crossing it
        for (int k = 0; k < L; k++) {
            double m = Double.POSITIVE_INFINITY;
            for (int l = k; l < L; l++) {
                if (ci.readsInput(t, l)) m = Math.min(m, ci.inputBytes(t));
                for (int p : ci.preds(t, l)) if (p < k) m = Math.min(m, ci.outputBytes(t, p));
            }
            minCross[k] = m;
        }
        List<long[]> candidates = new ArrayList<>(); // {lower bound, k, server}
        if (maxPrefix == L) candidates.add(new long[]{originFrom + prefixWork[L], L, -1});
        for (int s = 0; s < ci.nodeCount(); s++) {
            if (s == origin || ci.nodeKind(s) == NodeKind.DEVICE) continue;
            long suffixWork = 0, serverFrom = Math.max(ci.release(t), ci.availableAt(s));
            double minOutput = Double.POSITIVE_INFINITY;
            for (int k = L - 1; k >= 0; k--) {
                if (!ci.canRun(t, k, s)) break; // suffixes starting at or before k cannot run on s
                suffixWork += ci.proc(t, k, s);
                if (ci.isOutput(t, k)) minOutput = Math.min(minOutput, ci.outputBytes(t, k));
                if (k > maxPrefix) continue;
                long first = Math.max(serverFrom, ci.release(t) + ci.transfer(minCross[k], origin, s));
                long bound = Math.max(originFrom + prefixWork[k], first + suffixWork + ci.transfer(minOutput, s, origin));
                candidates.add(new long[]{bound, k, s});
            }
        }
        if (candidates.isEmpty())
            throw new UnsupportedInstanceException("task " + ci.taskName(t) + ": no single split between its origin "
                    + ci.nodeName(origin) + " and one edge or cloud node can run every layer; neurosurgeon is undefined for it");
        candidates.sort(Comparator.<long[]>comparingLong(c -> c[0]));
        return candidates;
    }

    private static Split bestSplit(CompiledInstance ci, int t, LoadedTimelines idle) {
        Split best = null;
        for (long[] c : candidates(ci, t)) {
            if (best != null && c[0] > best.isolated()) break; // no later candidate can beat or tie it
            Split s = new Split((int) c[1], (int) c[2], 0);
            Split cand = new Split(s.k(), s.server(), idle.completion(t, s.placement(ci, t)));
            if (best == null || PREFERENCE.compare(cand, best) < 0) best = cand;
        }
        return best;
    }

    /**
     * Load-aware: tasks in release order, each split predicted on the load committed so far; {@code isolated}
     * then holds the predicted completion under load. The isolated lower bounds still prune.
     */
    static Split[] chooseSplitsUnderLoad(CompiledInstance ci) {
        LoadedTimelines load = new LoadedTimelines(ci);
        int[] rank = ci.releaseRank();
        Integer[] order = new Integer[ci.taskCount()];
        for (int t = 0; t < order.length; t++) order[rank[t]] = t;
        Split[] out = new Split[ci.taskCount()];
        for (int t : order) {
            Split best = null;
            for (long[] c : candidates(ci, t)) {
                if (best != null && c[0] > best.isolated()) break;
                Split s = new Split((int) c[1], (int) c[2], 0);
                Split cand = new Split(s.k(), s.server(), load.completion(t, s.placement(ci, t)));
                if (best == null || PREFERENCE.compare(cand, best) < 0) best = cand;
            }
            load.commit(t, best.placement(ci, t));
            out[t] = best;
        }
        return out;
    }

    /** Shorter isolated latency; ties: the larger k (less offloaded), then the lower node index. */
    private static final Comparator<Split> PREFERENCE = Comparator.comparingLong(Split::isolated)
            .thenComparing(Comparator.comparingInt(Split::k).reversed()).thenComparingInt(Split::server);
}
