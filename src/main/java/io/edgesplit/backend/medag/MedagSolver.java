package io.edgesplit.backend.medag;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Objective;
import io.edgesplit.schedule.DynamicPrescheduler;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.QueueEstimate;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Backend {@code medag}: the seed paper's method (Yan et al., IEEE IoT J. 2025) as read in SPEC 4 —
 * dynamic prescheduling coupled with multi-endpoint DAG retrieval, iterated.
 *
 * <ol>
 *   <li><b>Start.</b> Every task takes its own best path in its layered DAG ({@link MultiEndpointDag}),
 *   as if it were alone (only availableAt delays it); the plan is prescheduled
 *   ({@link DynamicPrescheduler}). With {@code greedyStart} (default) a queue-aware sequential plan
 *   (tasks in release order, each against the time claimed by those before it) is prescheduled too and
 *   the better of the two is the start; a warm start's placement, when given and better, replaces it.</li>
 *   <li><b>Collaborative remapping.</b> A pass visits the tasks by decreasing contribution to the
 *   objective (completion C_t for makespan, w·(C_t − release) for total latency: most delayed first).
 *   For each task it rebuilds the task's DAG with the queuing delays of the current preschedule minus
 *   the task's own load, retrieves the {@code k} best paths, preschedules the plan with each candidate in
 *   place of the task's current path (with {@code prune}, only candidates the DAG predicts to finish the
 *   task earlier than now), and keeps the best candidate only if the global objective improves (ties on
 *   the objective: a smaller sum of completions). Passes repeat until one improves nothing,
 *   {@code maxPasses} is reached, or the time limit.</li>
 * </ol>
 * The incumbent only ever changes to a strictly better plan, so the answer is never worse than the start.
 * Nothing is random: the same instance gives the same answer for every seed (unless the time limit cuts
 * the search at a different point). Method, choices and measurements: docs/medag.md.
 */
public final class MedagSolver implements Solver {
    static final int DEFAULT_K = 3;
    static final int DEFAULT_MAX_PASSES = 20;
    static final int DEFAULT_TASKS_PER_PASS = 0;
    static final boolean DEFAULT_PRUNE = true;
    static final boolean DEFAULT_GREEDY_START = true;

    @Override
    public String name() { return "medag"; }

    @Override
    public String description() {
        return "seed paper's method: dynamic prescheduling + multi-endpoint DAG k-best retrieval with collaborative remapping";
    }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofInt("k", DEFAULT_K, "candidate paths retrieved per remapped task (k-best of its DAG)"),
                ParamSpec.ofInt("maxPasses", DEFAULT_MAX_PASSES, "stop after this many remapping passes (a pass that improves nothing stops earlier)"),
                ParamSpec.ofInt("tasksPerPass", DEFAULT_TASKS_PER_PASS,
                        "remap only the this-many most-contributing tasks per pass (0 = every task)"),
                ParamSpec.ofBoolean("prune", DEFAULT_PRUNE,
                        "preschedule a candidate path only if the DAG predicts the task finishes earlier on it than now"),
                ParamSpec.ofBoolean("greedyStart", DEFAULT_GREEDY_START,
                        "also build a queue-aware sequential start and begin from the better of it and the own-best-path start"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        int k = options.params().getInt("k", DEFAULT_K);
        int maxPasses = options.params().getInt("maxPasses", DEFAULT_MAX_PASSES);
        int perPass = options.params().getInt("tasksPerPass", DEFAULT_TASKS_PER_PASS);
        if (k < 1) throw new IllegalArgumentException("params.k: must be >= 1, got " + k);
        if (maxPasses < 0) throw new IllegalArgumentException("params.maxPasses: must be >= 0, got " + maxPasses);
        if (perPass < 0) throw new IllegalArgumentException("params.tasksPerPass: must be >= 0, got " + perPass);
        boolean prune = options.params().getBoolean("prune", DEFAULT_PRUNE);
        boolean greedy = options.params().getBoolean("greedyStart", DEFAULT_GREEDY_START);
        return new Search(ci, options, k, maxPasses, perPass, prune, greedy).run();
    }

    private static final class Search {
        final CompiledInstance ci;
        final SolveOptions options;
        final int k, maxPasses, perPass, T;
        final boolean prune, greedyStart;
        final long t0, deadline;
        final List<TracePoint> trace = new ArrayList<>();
        final MultiEndpointDag dag;
        int[][] plan;
        Preschedule current;

        Search(CompiledInstance ci, SolveOptions options, int k, int maxPasses, int perPass, boolean prune, boolean greedyStart) {
            this.prune = prune;
            this.greedyStart = greedyStart;
            this.ci = ci;
            this.options = options;
            this.k = k;
            this.maxPasses = maxPasses;
            this.perPass = perPass;
            this.T = ci.taskCount();
            t0 = System.nanoTime();
            // Keep a small reserve of the budget for building and returning the answer.
            deadline = t0 + (long) (options.timeLimitSeconds() * 0.95e9);
            dag = new MultiEndpointDag(ci);
        }

        boolean timeUp() { return System.nanoTime() >= deadline; }

        /** Strictly better: a smaller objective, or the same objective and a smaller sum of completions. */
        static boolean better(Preschedule a, Preschedule b) {
            if (a.objective() != b.objective()) return a.objective() < b.objective();
            return a.completionSum() < b.completionSum();
        }

        void record() {
            trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, current.objective(), null));
        }

        SolveResult run() {
            QueueEstimate idle = QueueEstimate.idle(ci);
            plan = new int[T][];
            for (int t = 0; t < T; t++) plan[t] = dag.best(t, idle).placement();
            current = DynamicPrescheduler.run(ci, plan);
            if (greedyStart && T > 1 && !timeUp()) {
                int[][] g = greedyPlan();
                Preschedule p = DynamicPrescheduler.run(ci, g);
                if (better(p, current)) {
                    plan = g;
                    current = p;
                }
            }
            Schedule warm = options.warmStart();
            if (warm != null && warm.taskCount() == T) {
                int[][] wp = new int[T][];
                for (int t = 0; t < T; t++) wp[t] = warm.placement(t);
                try {
                    Preschedule p = DynamicPrescheduler.run(ci, wp);
                    if (better(p, current)) {
                        plan = wp;
                        current = p;
                    }
                } catch (IllegalArgumentException e) {
                    // A warm start for another instance or with an ineligible placement: ignore it.
                }
            }
            record();
            for (int pass = 0; pass < maxPasses && !timeUp(); pass++)
                if (!pass()) break;
            return SolveResult.feasible(current.schedule(), trace);
        }

        /**
         * A queue-aware sequential start: tasks in release order each take their best path given the
         * compute (and, under ingress contention, ingress) time already claimed by the tasks before them,
         * claimed at the path's estimated times and pushed to the first gap that fits. One DAG search per
         * task, no prescheduling.
         */
        int[][] greedyPlan() {
            int N = ci.nodeCount();
            Claims[] claimed = new Claims[N], claimedIn = new Claims[N];
            for (int n = 0; n < N; n++) {
                claimed[n] = new Claims();
                claimedIn[n] = new Claims();
            }
            boolean ingress = ci.contention() == Contention.INGRESS;
            QueueEstimate q = new QueueEstimate() {
                @Override
                public long computeStart(int node, long ready) {
                    return claimed[node].firstFree(Math.max(ready, ci.availableAt(node)));
                }

                @Override
                public long ingressStart(int node, long ready) {
                    return ingress ? claimedIn[node].firstFree(ready) : ready;
                }
            };
            Integer[] order = new Integer[T];
            for (int t = 0; t < T; t++) order[t] = t;
            Arrays.sort(order, Comparator.<Integer>comparingLong(ci::release).thenComparingInt(t -> t));
            int[][] g = new int[T][];
            for (int t : order) {
                MultiEndpointDag.Path path = dag.best(t, q);
                g[t] = path.placement();
                int first = 0, L = g[t].length;
                for (int l = 1; l <= L; l++)
                    if (l == L || g[t][l] != g[t][first]) {
                        int n = g[t][first];
                        long dur = 0;
                        for (int x = first; x < l; x++) dur += ci.proc(t, x, n);
                        claimed[n].claim(claimed[n].fit(path.layerEnds()[l - 1] - dur, dur), dur);
                        int from = first == 0 ? ci.origin(t) : g[t][first - 1];
                        if (ingress && from != n) { // the tensors crossing into this segment occupy n's ingress
                            long tr = dag.cutTicks(t, first, from, n);
                            long ready = first == 0 ? ci.release(t) : path.layerEnds()[first - 1];
                            claimedIn[n].claim(claimedIn[n].fit(ready, tr), tr);
                        }
                        first = l;
                    }
            }
            return g;
        }

        /** One remapping pass; whether it improved the incumbent. */
        boolean pass() {
            Integer[] order = new Integer[T];
            double[] contribution = new double[T];
            for (int t = 0; t < T; t++) {
                order[t] = t;
                long c = current.completion(t);
                contribution[t] = ci.objective() == Objective.MAKESPAN ? c : ci.weight(t) * (c - ci.release(t));
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(t -> -contribution[t]).thenComparingInt(t -> t));
            int limit = perPass == 0 ? T : Math.min(T, perPass);
            boolean improved = false;
            for (int j = 0; j < limit && !timeUp(); j++)
                if (remap(order[j])) improved = true;
            return improved;
        }

        /** Retrieves task t's k best paths under the current queues and keeps the best one if it helps. */
        boolean remap(int t) {
            List<MultiEndpointDag.Path> candidates = dag.best(t, QueueEstimate.of(ci, current, t), k);
            Preschedule best = null;
            int[] bestPlacement = null;
            int[][] trial = plan.clone();
            for (MultiEndpointDag.Path c : candidates) {
                if (Arrays.equals(c.placement(), plan[t])) continue;
                if (prune && c.completion() >= current.completion(t)) continue;
                if (timeUp()) break;
                trial[t] = c.placement();
                Preschedule p = DynamicPrescheduler.run(ci, trial);
                if (best == null || better(p, best)) {
                    best = p;
                    bestPlacement = c.placement();
                }
            }
            if (best == null || !better(best, current)) return false;
            plan[t] = bestPlacement;
            current = best;
            record();
            return true;
        }
    }

    /**
     * Claimed time on one resource as maximal merged runs, so "the first free instant" is one lookup (the
     * greedy start asks it for every DAG edge; a plain interval list would be walked run by run).
     */
    private static final class Claims {
        private final java.util.TreeMap<Long, Long> runs = new java.util.TreeMap<>(); // start -> end, disjoint, non-adjacent

        long firstFree(long r) {
            var e = runs.floorEntry(r);
            return e != null && e.getValue() > r ? e.getValue() : r;
        }

        /** The earliest start >= r where dur ticks are free. */
        long fit(long r, long dur) {
            long c = firstFree(r);
            if (dur <= 0) return c;
            while (true) {
                var next = runs.higherEntry(c);
                if (next == null || next.getKey() >= c + dur) return c;
                c = next.getValue();
            }
        }

        void claim(long s, long dur) {
            if (dur <= 0) return;
            long a = s, b = s + dur;
            var lower = runs.floorEntry(a);
            if (lower != null && lower.getValue() >= a) {
                a = lower.getKey();
                b = Math.max(b, lower.getValue());
                runs.remove(lower.getKey());
            }
            for (var next = runs.ceilingEntry(a); next != null && next.getKey() <= b; next = runs.ceilingEntry(a)) {
                b = Math.max(b, next.getValue());
                runs.remove(next.getKey());
            }
            runs.put(a, b);
        }
    }
}
