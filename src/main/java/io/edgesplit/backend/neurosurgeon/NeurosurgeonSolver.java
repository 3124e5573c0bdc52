package io.edgesplit.backend.neurosurgeon;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.UnsupportedInstanceException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Baseline {@code neurosurgeon} (SPEC 6), after Kang et al., "Neurosurgeon: Collaborative Intelligence
 * Between the Cloud and Mobile Edge", ASPLOS 2017: each task picks the single split point that minimises its
 * own end-to-end latency, running the first k layers (list order) on its origin and the rest on one edge or
 * cloud node, k = 0 (all remote) … L (all local). The choice ignores every other task, as Neurosurgeon does:
 * the latency of a split is the completion of the task scheduled <em>alone</em> (its release, the nodes'
 * availableAt, its input, cut and return transfers, ingress contention among its own transfers), computed by
 * the {@link ScheduleBuilder} on a one-task copy of the instance. Then all tasks are scheduled first come,
 * first served (release order) with those plans.
 *
 * <p>For a DAG model the split is a cut in list order; every tensor crossing the cut (the input for remote
 * input readers, each prefix layer with a successor in the suffix) is transferred. Ties go to the larger k
 * (less offloaded), then the lower node index. A task with no feasible split (eligibility or null profile
 * entries rule out every one) makes the instance unsupported.
 */
public final class NeurosurgeonSolver implements Solver {
    @Override
    public String name() { return "neurosurgeon"; }

    @Override
    public String description() {
        return "per task the best single device/server split in isolation (Kang et al. 2017), then first come first served";
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        Split[] splits = chooseSplits(ci);
        int[][] placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) placement[t] = splits[t].placement(ci, t);
        Schedule s = ScheduleBuilder.build(ci, placement, PriorityRule.taskOrder(releaseRank(ci)));
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
        for (int t = 0; t < ci.taskCount(); t++) out[t] = bestSplit(ci, t);
        return out;
    }

    private static Split bestSplit(CompiledInstance ci, int t) {
        CompiledInstance alone = alone(ci, t);
        int L = ci.layerCount(t), origin = ci.origin(t);
        // Feasible prefixes on the origin are 0..maxPrefix (a prefix of a feasible prefix is feasible).
        int maxPrefix = 0;
        while (maxPrefix < L && ci.canRun(t, maxPrefix, origin)) maxPrefix++;
        Split best = null;
        for (int k = maxPrefix; k >= 0; k--) {
            if (k == L) {
                best = better(best, evaluate(alone, new Split(L, -1, 0), ci, t));
                continue;
            }
            for (int s = 0; s < ci.nodeCount(); s++) {
                if (s == origin || ci.nodeKind(s) == NodeKind.DEVICE || !suffixRuns(ci, t, k, s)) continue;
                best = better(best, evaluate(alone, new Split(k, s, 0), ci, t));
            }
        }
        if (best == null)
            throw new UnsupportedInstanceException("task " + ci.taskName(t) + ": no single split between its origin "
                    + ci.nodeName(origin) + " and one edge or cloud node can run every layer; neurosurgeon is undefined for it");
        return best;
    }

    /** Strictly better only, so the enumeration order (larger k first, lower node first) breaks ties. */
    private static Split better(Split incumbent, Split candidate) {
        return incumbent == null || candidate.isolated() < incumbent.isolated() ? candidate : incumbent;
    }

    private static Split evaluate(CompiledInstance alone, Split split, CompiledInstance ci, int t) {
        Schedule s = ScheduleBuilder.build(alone, new int[][]{split.placement(ci, t)}, PriorityRule.taskOrder(new int[]{0}));
        return new Split(split.k(), split.server(), s.completion(alone, 0));
    }

    private static boolean suffixRuns(CompiledInstance ci, int t, int k, int s) {
        for (int l = k; l < ci.layerCount(t); l++) if (!ci.canRun(t, l, s)) return false;
        return true;
    }

    /** The instance with only task t (and its model and profiles): same nodes, network and tick unit. */
    static CompiledInstance alone(CompiledInstance ci, int t) {
        Instance in = ci.source();
        Task task = ci.task(t);
        String model = task.model();
        List<Profile> profiles = in.profiles().stream().filter(p -> p.model().equals(model)).toList();
        return new Instance(in.name() + "/" + task.name(), in.timeUnit(), in.objective(), in.granularity(), in.contention(),
                List.of(ci.model(t)), in.nodes(), in.network(), profiles, List.of(task), null).compile();
    }

    static int[] releaseRank(CompiledInstance ci) {
        Integer[] order = new Integer[ci.taskCount()];
        for (int t = 0; t < order.length; t++) order[t] = t;
        Arrays.sort(order, Comparator.<Integer>comparingLong(ci::release).thenComparingInt(t -> t));
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) rank[order[i]] = i;
        return rank;
    }
}
