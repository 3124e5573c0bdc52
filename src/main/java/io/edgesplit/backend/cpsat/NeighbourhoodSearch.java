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
import java.util.List;
import java.util.Random;

/**
 * CP-SAT around a warm start, for models too large for one run (on this machine presolve of the whole
 * model of a 1000-layer instance outlasts a 20 s limit, so a hint is never even read). Each step solves a
 * sub-model: the placements of a few tasks are free, every other task keeps the incumbent's placement,
 * and start times are free except for tasks that lie entirely before or after the freed ones' span
 * ({@link #freezeOutside}); the incumbent is a complete hint and the objective may not exceed it.
 * The first step frees no placement (a pure timing problem, quick to presolve), so CP-SAT's first
 * solution comes early. The number of freed tasks doubles after a sub-model is solved to optimality
 * and halves after a step that neither proves nor improves. Once it covers every task the step is the
 * whole model (with the incumbent as an upper bound, which cuts off no optimum), and only that step can
 * prove optimality or give a bound. Freed tasks: one task (alternately the worst one and a random one)
 * and the tasks sharing a node with those chosen, in random order by the seed.
 */
final class NeighbourhoodSearch {
    static final int EXTRA_NODES = 2;
    final CompiledInstance ci;
    final SolveOptions options;
    final long t0, deadline;
    final Random random;
    final List<TracePoint> trace = Collections.synchronizedList(new ArrayList<>());
    Schedule best;
    volatile double bestObj;
    int steps, improved, largest;

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
        int k = 0;
        // A tenth of the limit per step, at least half a second: several steps even in short runs.
        double slice = Math.max(0.5, options.timeLimitSeconds() / 10);
        boolean proven = false;
        Double bound = null;
        String weights = "";
        while ((deadline - System.nanoTime()) / 1e9 > 0.05) {
            boolean whole = k >= T;
            boolean[] free = whole ? null : chooseFree(k);
            CpSatModel m = new CpSatModel(ci, options, whole ? null : fixAllBut(free));
            if (!whole && k > 0) {
                m.fixedStart = freezeOutside(free);
                m.allowedNode = someNodes(free);
            }
            m.boundBy(best);
            try {
                m.build(deadline);
            } catch (CpSatRun.OutOfTime e) {
                break;
            }
            weights = CpSatRun.weightNote(m);
            double remaining = (deadline - System.nanoTime()) / 1e9;
            if (remaining <= 0.05) break;
            CpSatRun.Run r = CpSatRun.run(m, options, whole ? remaining : Math.min(remaining, slice), best,
                    (obj, b) -> {
                        if (obj <= bestObj) trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, obj, whole ? b : null));
                    });
            steps++;
            largest = Math.max(largest, Math.min(k, T));
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
                System.err.printf(java.util.Locale.ROOT, "neighbourhood step %d: %d of %d tasks free, %.2f s slice: %s, best %.0f at %.2f s%n",
                        steps, Math.min(k, T), T, slice, r.status(), bestObj, (System.nanoTime() - t0) / 1e9);
            if (r.status() == CpSolverStatus.OPTIMAL) k = Math.min(T, Math.max(1, 2 * k));
            else if (better) k = Math.max(1, k);
            else {
                k = Math.max(1, k / 2);
                // A step that did not even finish presolve needs more time, not only a smaller neighbourhood.
                if (r.schedule() == null) slice *= 2;
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (proven) bound = bestObj;
        trace.add(new TracePoint(wall, bestObj, bound));
        String note = "workers=" + options.workers() + weights + "; neighbourhood search around the warm start: " + steps
                + " CP-SAT runs, " + improved + " improved, up to " + largest + " of " + T + " tasks' placements free"
                + (proven ? "; the last run was the whole model" : "");
        return new SolveResult(proven ? Status.OPTIMAL : Status.FEASIBLE, best, CpSatRun.floor(bound), new ArrayList<>(trace), note);
    }

    /** k tasks: a first one (alternately the worst and a random one), then tasks sharing its nodes. */
    boolean[] chooseFree(int k) {
        int T = ci.taskCount();
        boolean[] free = new boolean[T];
        if (k <= 0) return free;
        int first;
        if (steps % 2 == 1) {
            first = 0;
            double worst = -1;
            for (int t = 0; t < T; t++) {
                double v = ci.objective() == Objective.MAKESPAN ? best.completion(ci, t)
                        : ci.weight(t) * (best.completion(ci, t) - ci.release(t));
                if (v > worst) {
                    worst = v;
                    first = t;
                }
            }
        } else first = random.nextInt(T);
        free[first] = true;
        int chosen = 1;
        boolean[] nodeChosen = new boolean[ci.nodeCount()];
        for (int l = 0; l < ci.layerCount(first); l++) nodeChosen[best.node(first, l)] = true;
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < T; t++) order.add(t);
        Collections.shuffle(order, random);
        // First the tasks that use one of the chosen tasks' nodes while the first task is in the system
        // (the ones it may be waiting for, or that wait for it), then any sharing a node, then any.
        long lo = ci.release(first), hi = best.completion(ci, first);
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
     * The incumbent's start times for the tasks whose [release, completion] does not meet the freed tasks'
     * span (from their earliest release to their latest completion): they are the least likely to gain
     * from the freed tasks moving, and fixing them keeps sub-models of large instances small (on the
     * 5908-layer testbed-large-s1 a step with one task freed went from "no solution within its slice"
     * to solved to optimality in about 1 s). The incumbent stays a solution, so no step is infeasible.
     */
    long[][] freezeOutside(boolean[] free) {
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        for (int t = 0; t < ci.taskCount(); t++)
            if (free[t]) {
                lo = Math.min(lo, ci.release(t));
                hi = Math.max(hi, best.completion(ci, t));
            }
        long[][] fixed = new long[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            if (free[t] || ci.release(t) <= hi && best.completion(ci, t) >= lo) continue;
            fixed[t] = new long[ci.layerCount(t)];
            for (int l = 0; l < ci.layerCount(t); l++) fixed[t][l] = best.start(t, l);
        }
        return fixed;
    }

    /**
     * For each freed task, the nodes it may use in the step: those it uses now, its origin, and
     * {@value #EXTRA_NODES} more drawn at random. A freed task on all of 14 nodes brought thousands of
     * optional transfer intervals, and CP-SAT did not get from presolve to its first solution within a
     * step; the whole-model step (all tasks freed) still allows every node.
     */
    boolean[][] someNodes(boolean[] free) {
        boolean[][] allowed = new boolean[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            if (!free[t]) continue;
            allowed[t] = new boolean[ci.nodeCount()];
            allowed[t][ci.origin(t)] = true;
            for (int l = 0; l < ci.layerCount(t); l++) allowed[t][best.node(t, l)] = true;
            List<Integer> others = new ArrayList<>();
            for (int n = 0; n < ci.nodeCount(); n++) if (!allowed[t][n] && ci.eligible(t, n)) others.add(n);
            Collections.shuffle(others, random);
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
