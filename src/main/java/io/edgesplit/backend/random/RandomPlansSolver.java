package io.edgesplit.backend.random;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Baseline {@code random} (docs/baselines.md): the best of K random plans, each scheduled by the {@link ScheduleBuilder}
 * (earliest ready block first, with insertion). It is the floor any method that claims to search must beat.
 *
 * <p>A random plan, per task: a number of segments s uniform in 1..min(maxSegments, L), s − 1 distinct cut
 * points uniform among the L − 1 gaps of the list order, and for each segment a node drawn uniformly among
 * those that can run all its layers. If no node can run a whole segment (null profile entries, eligibility),
 * that segment is split layer by layer: each layer keeps the previous layer's node when it can run there,
 * and otherwise draws uniformly among the nodes that can run it. Drawing whole segments rather than a node
 * per layer keeps the plans partition-like (a few cuts), which is what the other baselines choose among.
 *
 * <p>All plans come from one {@link SplittableRandom} seeded with the solve's seed, in sequence, so the
 * first K plans of a run with K' > K are the plans of the run with K: the best of K improves weakly with K
 * for a fixed seed, and a seed fixes the answer. The time limit stops the sampling early (at least one plan
 * is always built).
 */
public final class RandomPlansSolver implements Solver {
    static final int DEFAULT_PLANS = 64;
    static final int DEFAULT_MAX_SEGMENTS = 3;

    @Override
    public String name() { return "random"; }

    @Override
    public String description() { return "best of K seeded random partition/offload plans, each scheduled by the schedule builder"; }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(ParamSpec.ofInt("plans", DEFAULT_PLANS, "K: how many random plans to sample (the time limit may stop earlier)"),
                ParamSpec.ofInt("maxSegments", DEFAULT_MAX_SEGMENTS, "at most this many segments per task in a plan"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        int plans = options.params().getInt("plans", DEFAULT_PLANS);
        int maxSegments = options.params().getInt("maxSegments", DEFAULT_MAX_SEGMENTS);
        if (plans < 1) throw new IllegalArgumentException("params.plans: must be >= 1, got " + plans);
        if (maxSegments < 1) throw new IllegalArgumentException("params.maxSegments: must be >= 1, got " + maxSegments);
        long t0 = System.nanoTime(), deadline = options.deadlineNanos(t0);
        SplittableRandom rnd = new SplittableRandom(options.seed());
        Schedule best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        List<TracePoint> trace = new ArrayList<>();
        for (int k = 0; k < plans; k++) {
            if (k > 0 && io.edgesplit.solver.Deadline.passed(deadline)) break;
            Schedule s = ScheduleBuilder.build(ci, randomPlan(ci, rnd, maxSegments), PriorityRule.earliestReady());
            double obj = s.objectiveTicks(ci);
            if (obj < bestObjective) {
                bestObjective = obj;
                best = s;
                trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, null));
            }
        }
        return SolveResult.feasible(best, trace);
    }

    static int[][] randomPlan(CompiledInstance ci, SplittableRandom rnd, int maxSegments) {
        int[][] placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            int L = ci.layerCount(t);
            int segments = 1 + rnd.nextInt(Math.min(maxSegments, L));
            // s − 1 distinct cut gaps among 1..L−1 (a gap g cuts between layers g−1 and g): partial Fisher–Yates.
            int[] gaps = new int[L - 1];
            for (int i = 0; i < gaps.length; i++) gaps[i] = i + 1;
            boolean[] cut = new boolean[L + 1];
            for (int i = 0; i < segments - 1; i++) {
                int j = i + rnd.nextInt(gaps.length - i);
                int g = gaps[j];
                gaps[j] = gaps[i];
                gaps[i] = g;
                cut[g] = true;
            }
            cut[L] = true;
            placement[t] = new int[L];
            int first = 0;
            for (int l = 1; l <= L; l++) {
                if (!cut[l]) continue;
                assign(ci, t, first, l - 1, placement[t], rnd);
                first = l;
            }
        }
        return placement;
    }

    /** Layers first..last of task t on one uniformly drawn node that runs them all, or layer by layer. */
    private static void assign(CompiledInstance ci, int t, int first, int last, int[] nodeOf, SplittableRandom rnd) {
        List<Integer> whole = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) {
            boolean all = true;
            for (int l = first; l <= last && all; l++) all = ci.canRun(t, l, n);
            if (all) whole.add(n);
        }
        if (!whole.isEmpty()) {
            int n = whole.get(rnd.nextInt(whole.size()));
            for (int l = first; l <= last; l++) nodeOf[l] = n;
            return;
        }
        for (int l = first; l <= last; l++) {
            if (l > first && ci.canRun(t, l, nodeOf[l - 1])) {
                nodeOf[l] = nodeOf[l - 1];
            } else {
                int[] nodes = ci.nodesFor(t, l);
                nodeOf[l] = nodes[rnd.nextInt(nodes.length)];
            }
        }
    }
}
