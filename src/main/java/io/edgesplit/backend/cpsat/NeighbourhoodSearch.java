package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.CpSolverStatus;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * CP-SAT around a warm start, for models too large for one run (on this machine presolve of the whole
 * model of a 1000-layer instance outlasts a 20 s limit, so a hint is never even read). Each step solves a
 * sub-model around the incumbent, which is its complete hint and bounds its objective:
 * <ul>
 *   <li>a few <b>free</b> tasks may change placement (on their current nodes, their origin, the
 *   {@value #EXTRA_NODES} least busy eligible nodes in their time window and one more at random) and times;</li>
 *   <li><b>movable</b> tasks, which use the free tasks' nodes while the free tasks are in the system, keep
 *   their placement but may move in time, up to a cap on the modelled layers;</li>
 *   <li>every other task is <b>frozen</b>: no variables, only fixed intervals where a modelled activity could
 *   meet them ({@link CpSatConstraints}), so building a step costs what its modelled tasks cost, not what the
 *   instance costs (a step of a 30,000-layer instance models a few hundred layers).</li>
 * </ul>
 * Free tasks: for the makespan, the tasks that finish last (every task finishing at the makespan first); for
 * total latency, the most delayed (weighted latency beyond the task's own processing); alternately the worst
 * and one drawn from the worst tenth; then tasks that share their nodes while they are in the system. On
 * instances of at most {@value #TIMING_STEP_LAYERS} layers the first step frees no placement and models every
 * task (a pure timing problem, quick to presolve). After a step solved to optimality the number of free tasks
 * doubles and the cap grows; after a step that neither proves nor improves it halves. Once it covers every task
 * of an instance small enough for the whole model, the step is the whole model (with the incumbent as an upper
 * bound, which cuts off no optimum), and only that step can prove optimality or give a bound.
 */
final class NeighbourhoodSearch {
    static final int EXTRA_NODES = 1;
    /** Above this many layers, the first step is not the whole-instance timing problem. */
    static final int TIMING_STEP_LAYERS = 4000;
    /** Modelled layers per step: first, smallest and largest cap. */
    static final int CAP0 = 400, CAP_MIN = 60, CAP_MAX = 3000;
    final CompiledInstance ci;
    final SolveOptions options;
    final long t0, deadline;
    final Random random;
    final List<TracePoint> trace = Collections.synchronizedList(new ArrayList<>());
    Schedule best;
    volatile double bestObj;
    int steps, improved, largest, largestModelled;

    NeighbourhoodSearch(CompiledInstance ci, SolveOptions options, long t0) {
        this.ci = ci;
        this.options = options;
        this.t0 = t0;
        this.deadline = options.deadlineNanos(t0);
        this.random = new Random(options.seed());
        this.best = options.warmStart();
        this.bestObj = best.objectiveTicks(ci);
    }

    SolveResult run() {
        int T = ci.taskCount();
        boolean wholeAllowed = ci.placementChoices() <= CpSatSolver.NEIGHBOURHOOD_THRESHOLD;
        int maxK = wholeAllowed ? T : Math.max(1, T - 1);
        int k = ci.totalLayers() <= TIMING_STEP_LAYERS ? 0 : 1;
        int cap = CAP0;
        // The timing step and the whole model get a tenth of the limit; other steps are small and get at most 2 s.
        double slice = Math.max(0.5, options.timeLimitSeconds() / 10);
        double stepSlice = Math.max(0.5, Math.min(2, options.timeLimitSeconds() / 20));
        boolean proven = false;
        Double bound = null;
        String weights = "";
        while (io.edgesplit.solver.Deadline.secondsLeft(deadline) > 0.05) {
            boolean whole = k >= T;
            CpSatModel m;
            int modelledLayers = ci.totalLayers();
            if (whole) m = new CpSatModel(ci, options, SubModel.whole().boundedBy(best));
            else if (k == 0) m = new CpSatModel(ci, options, SubModel.fixing(fixAllBut(new boolean[T])).boundedBy(best));
            else {
                boolean[] free = chooseFree(k);
                boolean[][] allowed = someNodes(free);
                boolean[] modelled = chooseModelled(free, allowed, cap);
                modelledLayers = 0;
                for (int t = 0; t < T; t++) if (modelled[t]) modelledLayers += ci.layerCount(t);
                m = new CpSatModel(ci, options, SubModel.neighbourhood(fixAllBut(free), allowed, modelled, best).boundedBy(best));
            }
            long buildStart = System.nanoTime();
            try {
                m.build(CpSatRun.buildBy(deadline, options.timeLimitSeconds()));
            } catch (CpSatRun.OutOfTime e) {
                break;
            }
            weights = CpSatRun.weightNote(m);
            if (io.edgesplit.solver.Deadline.secondsLeft(deadline) <= 0.05) break;
            double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
            long stop = CpSatRun.stopBy(deadline, buildSeconds);
            CpSatRun.Run r = CpSatRun.run(m, options, stop, whole ? Double.POSITIVE_INFINITY : k == 0 ? slice : stepSlice, best,
                    (obj, b) -> {
                        if (obj <= bestObj) trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, whole ? b : null));
                    }, false);
            steps++;
            largest = Math.max(largest, Math.min(k, T));
            if (k > 0 && !whole) largestModelled = Math.max(largestModelled, modelledLayers);
            double obj = r.schedule() == null ? Double.POSITIVE_INFINITY : r.schedule().objectiveTicks(ci);
            boolean better = obj < bestObj;
            if (obj <= bestObj) { // an equal schedule is taken too: the next step starts from CP-SAT's own
                best = r.schedule();
                bestObj = obj;
            }
            if (better) improved++;
            if (whole) {
                bound = r.bound();
                proven = r.status() == CpSolverStatus.OPTIMAL && m.exactWeights;
                break;
            }
            if (options.log())
                System.err.printf(Locale.ROOT, "neighbourhood step %d: %d of %d tasks free, %d layers modelled, built in %.2f s, "
                                + "hint and CP-SAT %.2f s: %s, best %.0f at %.2f s%n",
                        steps, Math.min(k, T), T, modelledLayers, buildSeconds, r.wallSeconds(), r.status(), bestObj, (System.nanoTime() - t0) / 1e9);
            if (r.status() == CpSolverStatus.OPTIMAL) {
                if (k > 0) cap = Math.min(CAP_MAX, cap * 3 / 2);
                k = Math.min(maxK, Math.max(1, 2 * k));
            } else if (better) k = Math.max(1, k);
            else {
                k = Math.max(1, k / 2);
                // A step that did not even finish presolve needs more time and a smaller model.
                if (r.schedule() == null) {
                    if (k == 0) slice *= 2;
                    else stepSlice *= 2;
                    cap = Math.max(CAP_MIN, cap / 2);
                }
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (proven) bound = bestObj;
        trace.add(new TracePoint(wall, bestObj, bound));
        String note = "workers=" + options.workers() + weights + "; neighbourhood search around the warm start: " + steps
                + " CP-SAT runs, " + improved + " improved, up to " + largest + " of " + T + " tasks' placements free"
                + (largestModelled > 0 ? " and " + largestModelled + " layers modelled" : "")
                + (proven ? "; the last run was the whole model" : "");
        return new SolveResult(proven ? Status.OPTIMAL : Status.FEASIBLE, best, CpSatRun.floor(bound), new ArrayList<>(trace), note);
    }

    /** How much task t is to blame: makespan, its completion; total latency, its weighted latency beyond its own processing. */
    double blame(int t) {
        if (ci.objective() == Objective.MAKESPAN) return best.completion(ci, t);
        long own = 0;
        for (int l = 0; l < ci.layerCount(t); l++) {
            long min = Long.MAX_VALUE;
            // proc is the shortest a layer can take: fluctuations only stretch it (docs/model.md §8).
            for (int n : ci.nodesFor(t, l)) min = Math.min(min, ci.proc(t, l, n));
            own += min;
        }
        return ci.weight(t) * (best.completion(ci, t) - ci.release(t) - own);
    }

    /**
     * k tasks: first the worst ones (makespan: every task finishing at the makespan, in random order, then
     * the latest; total latency: the most delayed), on every other step one drawn from the worst tenth
     * instead; then tasks that use the chosen tasks' nodes while they are in the system.
     */
    boolean[] chooseFree(int k) {
        int T = ci.taskCount();
        boolean[] free = new boolean[T];
        if (k <= 0) return free;
        List<Integer> byBlame = new ArrayList<>();
        for (int t = 0; t < T; t++) byBlame.add(t);
        Collections.shuffle(byBlame, random); // ties in random order
        double[] blame = new double[T];
        for (int t = 0; t < T; t++) blame[t] = blame(t);
        byBlame.sort(Comparator.comparingDouble((Integer t) -> -blame[t]));
        int chosen = 0;
        boolean[] nodeChosen = new boolean[ci.nodeCount()];
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        List<Integer> firsts = new ArrayList<>();
        if (steps % 2 == 1) firsts.add(byBlame.get(random.nextInt(Math.max(1, T / 10))));
        if (ci.objective() == Objective.MAKESPAN)
            for (int t : byBlame) if (best.completion(ci, t) >= bestObj) firsts.add(t);
        firsts.add(byBlame.get(0));
        for (int t : firsts) {
            if (chosen >= k || free[t]) continue;
            free[t] = true;
            chosen++;
            for (int l = 0; l < ci.layerCount(t); l++) nodeChosen[best.node(t, l)] = true;
            lo = Math.min(lo, ci.release(t));
            hi = Math.max(hi, best.completion(ci, t));
        }
        // Every other step the related tasks in random order, else the worst first.
        List<Integer> order = new ArrayList<>(byBlame);
        if (steps % 2 == 0) Collections.shuffle(order, random);
        // First the tasks that use one of the chosen tasks' nodes while those are in the system (the ones
        // they may be waiting for, or that wait for them), then any sharing a node, then any.
        for (int pass = 0; pass < 3 && chosen < k; pass++)
            for (int t : order) {
                if (chosen >= k) break;
                if (free[t]) continue;
                boolean related = pass == 2;
                for (int l = 0; l < ci.layerCount(t) && !related; l++)
                    related = nodeChosen[best.node(t, l)]
                            && (pass == 1 || best.start(t, l) <= hi && best.end(ci, t, l) >= lo);
                if (!related) continue;
                free[t] = true;
                chosen++;
                for (int l = 0; l < ci.layerCount(t); l++) nodeChosen[best.node(t, l)] = true;
            }
        return free;
    }

    /**
     * The free tasks, and the tasks that use one of their allowed nodes while they are in the system (from their
     * earliest release to their latest completion), the latest there first, as long as the modelled layers stay
     * within {@code cap} (the free tasks always count). The rest are frozen.
     */
    boolean[] chooseModelled(boolean[] free, boolean[][] allowed, int cap) {
        int T = ci.taskCount();
        boolean[] modelled = free.clone();
        boolean[] node = new boolean[ci.nodeCount()];
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        int layers = 0;
        for (int t = 0; t < T; t++) {
            if (!free[t]) continue;
            layers += ci.layerCount(t);
            lo = Math.min(lo, ci.release(t));
            hi = Math.max(hi, best.completion(ci, t));
            for (int n = 0; n < ci.nodeCount(); n++) node[n] |= allowed[t][n];
        }
        // Latest meeting first: the tasks just ahead of the free ones in their nodes' queues are the ones
        // whose moving lets the free ones (which finish last, or wait most) start earlier.
        long[] meet = new long[T];
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            if (modelled[t]) continue;
            meet[t] = Long.MIN_VALUE;
            for (int l = 0; l < ci.layerCount(t); l++)
                if (node[best.node(t, l)] && best.start(t, l) <= hi && best.end(ci, t, l) >= lo)
                    meet[t] = Math.max(meet[t], best.end(ci, t, l));
            if (meet[t] > Long.MIN_VALUE) order.add(t);
        }
        Collections.shuffle(order, random); // ties in random order
        order.sort(Comparator.comparingLong((Integer t) -> -meet[t]));
        for (int t : order) {
            if (layers + ci.layerCount(t) > cap) continue;
            modelled[t] = true;
            layers += ci.layerCount(t);
        }
        return modelled;
    }

    /**
     * For each free task, the nodes it may use in the step: those it uses now, its origin, the
     * {@value #EXTRA_NODES} eligible nodes least busy (in the incumbent) while the free tasks are in the
     * system, and one more drawn at random. A free task on all of 14 nodes brought thousands of optional
     * transfer intervals, and CP-SAT did not get from presolve to its first solution within a step; the
     * whole-model step still allows every node.
     */
    boolean[][] someNodes(boolean[] free) {
        int T = ci.taskCount(), N = ci.nodeCount();
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int t = 0; t < T; t++)
            if (free[t]) {
                lo = Math.min(lo, ci.release(t));
                hi = Math.max(hi, best.completion(ci, t));
            }
        long[] busy = new long[N];
        for (int t = 0; t < T; t++)
            for (int l = 0; l < ci.layerCount(t); l++) {
                long a = Math.max(lo, best.start(t, l)), b = Math.min(hi, best.end(ci, t, l));
                if (b > a) busy[best.node(t, l)] += b - a;
            }
        boolean[][] allowed = new boolean[T][];
        for (int t = 0; t < T; t++) {
            if (!free[t]) continue;
            allowed[t] = new boolean[N];
            allowed[t][ci.origin(t)] = true;
            for (int l = 0; l < ci.layerCount(t); l++) allowed[t][best.node(t, l)] = true;
            List<Integer> others = new ArrayList<>();
            for (int n = 0; n < N; n++) if (!allowed[t][n] && ci.eligible(t, n)) others.add(n);
            Collections.shuffle(others, random);
            if (!others.isEmpty()) allowed[t][others.remove(others.size() - 1)] = true;
            others.sort(Comparator.comparingLong(n -> busy[n]));
            for (int i = 0; i < Math.min(EXTRA_NODES, others.size()); i++) allowed[t][others.get(i)] = true;
        }
        return allowed;
    }

    int[][] fixAllBut(boolean[] free) {
        int[][] fixed = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            if (free[t]) continue;
            fixed[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < ci.layerCount(t); l++) fixed[t][l] = best.node(t, l);
        }
        return fixed;
    }
}
