package io.edgesplit.bound;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cheap lower bounds on the optimum of an instance, no solver library needed (docs/bounds.md). Each
 * component is sound for every mode of docs/model.md: both granularities, both contention modes, both
 * objectives, release, availableAt, slowdown, profiles with null entries, allowedNodes, DAG models and
 * zero-tick layers and transfers.
 *
 * <ul>
 *   <li><b>task-alone</b>: each task with empty queues ({@link TaskRelaxation}); makespan ≥ the latest
 *       such completion, total latency ≥ Σ w × (alone − release).</li>
 *   <li><b>capacity</b> (makespan): for each {@link ResourceSet}, the energy bound with heads and tails
 *       over the tasks' least loads ({@link Capacity#energy}).</li>
 *   <li><b>capacity with deadlines</b> (makespan): the same test at a trial makespan C, where a layer may
 *       only go where it can still finish by C (so a slow device no longer offers a zero load); the least C
 *       that no resource set refutes, by bisection.</li>
 *   <li><b>mean busy time</b> (total latency): per resource set, {@link Capacity#meanBusyTime} over the
 *       tasks that must load it, plus task-alone for the others.</li>
 * </ul>
 */
public final class LowerBounds {
    private LowerBounds() {}

    /** Instances with at most this many nodes also try every combination of compute and ingress sets. */
    static final int EVERY_SUBSET_NODES = 5;
    /** Rough work budget (inner-loop steps) for one pass over the resource sets; later (less useful) sets are left out. */
    static final long SET_BUDGET = 12_000_000L;
    /** Rough work budget (inner-loop steps) for the bisection of "capacity with deadlines". */
    static final long DEADLINE_BUDGET = 60_000_000L;

    public static LowerBound compute(CompiledInstance ci) {
        long t0 = System.nanoTime();
        List<TaskRelaxation> tasks = relax(ci);
        List<ResourceSet> all = ResourceSet.families(ci, ci.nodeCount() <= EVERY_SUBSET_NODES);
        List<ResourceSet> sets = new ArrayList<>();
        long spent = 0;
        for (ResourceSet s : all) {
            spent += cost(tasks, s);
            if (spent > SET_BUDGET && !sets.isEmpty()) break;
            sets.add(s);
        }
        String tried = sets.size() == all.size() ? "" : " (" + sets.size() + " of " + all.size() + " resource sets within the time budget)";
        List<LowerBound.Component> parts = new ArrayList<>();
        boolean makespan = ci.objective() == Objective.MAKESPAN;
        if (makespan) {
            long alone = 0;
            String which = "";
            for (TaskRelaxation r : tasks)
                if (r.alone > alone) { alone = r.alone; which = ci.taskName(r.task); }
            parts.add(new LowerBound.Component("task-alone", alone, tasks.isEmpty() ? "" : "task " + which));

            long cap = 0;
            String capWhich = "";
            for (ResourceSet s : sets) {
                long v = energyAt(tasks, s, TaskRelaxation.INF);
                if (v > cap) { cap = v; capWhich = s.name(); }
            }
            parts.add(new LowerBound.Component("capacity", cap, capWhich + tried));

            long lo = Math.max(alone, cap);
            parts.add(withDeadlines(ci, tasks, sets, lo));
        } else {
            double alone = 0;
            for (TaskRelaxation r : tasks) alone += r.weight * (r.alone - r.release);
            parts.add(new LowerBound.Component("task-alone", round(ci, alone), "sum over tasks"));
            double best = 0;
            String which = "";
            for (ResourceSet s : sets) {
                double v = meanBusyTime(tasks, s);
                if (v > best) { best = v; which = s.name(); }
            }
            parts.add(new LowerBound.Component("mean-busy-time", round(ci, best), which + tried));
        }
        LowerBound.Component top = parts.get(0);
        for (LowerBound.Component c : parts) if (c.ticks() > top.ticks()) top = c;
        return new LowerBound(ci.name(), ci.objective(), ci.timeUnit(), List.copyOf(parts), top, (System.nanoTime() - t0) / 1e6);
    }

    static List<TaskRelaxation> relax(CompiledInstance ci) {
        Map<Integer, TaskRelaxation.ModelTransfers> transfers = new HashMap<>();
        Map<String, long[][]> tails = new HashMap<>();
        List<TaskRelaxation> out = new ArrayList<>();
        for (int t = 0; t < ci.taskCount(); t++) {
            int task = t;
            TaskRelaxation.ModelTransfers tr = transfers.computeIfAbsent(ci.modelIndex(t), m -> new TaskRelaxation.ModelTransfers(ci, task));
            out.add(new TaskRelaxation(ci, t, tr, tails));
        }
        return out;
    }

    /** The energy bound of one set when every completion is at most {@code deadline}; INF when some task cannot meet it. */
    static long energyAt(List<TaskRelaxation> tasks, ResourceSet s, long deadline) {
        List<TaskLoad> jobs = new ArrayList<>();
        for (TaskRelaxation r : tasks) {
            if (!s.concerns(r)) continue;
            TaskLoad load = TaskLoad.of(r, s, deadline);
            if (load == null) return TaskRelaxation.INF;
            if (load.load() > 0) jobs.add(load);
        }
        return Capacity.energy(jobs, s.freeFrom());
    }

    /**
     * Bisection on a trial makespan C ≥ {@code lo}: C is refuted when some task has no plan that finishes by C
     * or some set's energy bound, with only the options that can finish by C, exceeds C. Every refuted C is
     * below the optimum, so the least C above the largest refuted one is a bound whatever the search order.
     */
    private static LowerBound.Component withDeadlines(CompiledInstance ci, List<TaskRelaxation> tasks, List<ResourceSet> sets, long lo) {
        long perCheck = 0;
        for (ResourceSet s : sets) perCheck += cost(tasks, s);
        if (perCheck == 0) return new LowerBound.Component("capacity-with-deadlines", lo, "nothing to refute");
        long steps = DEADLINE_BUDGET / perCheck;
        if (steps < 4) return new LowerBound.Component("capacity-with-deadlines", lo, "skipped (instance too large for the budget)");
        long refuted = lo - 1; // the largest C known to be below the optimum
        String why = "";
        long hi = -1;        // a C no set refuted
        long probe = Math.max(lo, 1);
        int used = 0;
        while (used < steps) { // find hi by doubling
            String r = refute(tasks, sets, probe);
            used++;
            if (r == null) { hi = probe; break; }
            refuted = probe;
            why = r;
            probe = probe * 2;
        }
        while (hi > refuted + 1 && used < steps) {
            long mid = refuted + (hi - refuted) / 2;
            String r = refute(tasks, sets, mid);
            used++;
            if (r == null) hi = mid;
            else { refuted = mid; why = r; }
        }
        return new LowerBound.Component("capacity-with-deadlines", refuted + 1, why.isEmpty() ? "no trial makespan refuted" : why);
    }

    /** Inner-loop steps of one {@link TaskLoad} pass over the set (the chain DP pays a node loop per ingress node). */
    static long cost(List<TaskRelaxation> tasks, ResourceSet s) {
        long c = 0;
        for (TaskRelaxation r : tasks) {
            if (!s.concerns(r)) continue;
            int in = 1;
            for (int q : r.nodes) if (s.ingress()[q]) in++;
            c += (long) r.layers * r.nodes.length * (in + 2);
        }
        return c;
    }

    /** The name of a set that refutes makespan ≤ c, or null. */
    private static String refute(List<TaskRelaxation> tasks, List<ResourceSet> sets, long c) {
        for (TaskRelaxation r : tasks) if (r.alone > c) return "task " + r.task;
        for (ResourceSet s : sets) if (energyAt(tasks, s, c) > c) return s.name();
        return null;
    }

    private static double meanBusyTime(List<TaskRelaxation> tasks, ResourceSet s) {
        List<TaskLoad> jobs = new ArrayList<>();
        List<TaskRelaxation> who = new ArrayList<>();
        double others = 0;
        for (TaskRelaxation r : tasks) {
            TaskLoad load = s.concerns(r) ? TaskLoad.of(r, s, TaskRelaxation.INF) : TaskLoad.NONE;
            if (load != null && load.load() > 0) { jobs.add(load); who.add(r); }
            else others += r.weight * (r.alone - r.release);
        }
        // Any subset of the loaded tasks bounds its own share (the others only make the set busier), and
        // task-alone bounds the rest: drop the tasks whose own alone-term says more than their share, and repeat.
        double best = others;
        for (int round = 0; round < 8 && !jobs.isEmpty(); round++) {
            double[] w = new double[jobs.size()];
            long[] rel = new long[jobs.size()];
            for (int i = 0; i < w.length; i++) { w[i] = who.get(i).weight; rel[i] = who.get(i).release; }
            double[] terms = Capacity.meanBusyTime(jobs, w, rel, s.freeFrom());
            double total = others;
            for (double v : terms) total += v;
            best = Math.max(best, total);
            List<TaskLoad> keepJobs = new ArrayList<>();
            List<TaskRelaxation> keepWho = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                TaskRelaxation r = who.get(i);
                double alone = r.weight * (r.alone - r.release);
                if (terms[i] >= alone) { keepJobs.add(jobs.get(i)); keepWho.add(r); }
                else others += alone;
            }
            if (keepJobs.size() == jobs.size()) break;
            jobs = keepJobs;
            who = keepWho;
            best = Math.max(best, others);
        }
        return best;
    }

    /** Makespan is an integer; total latency is one when every weight is, so round up safely; else keep a hair below. */
    static double round(CompiledInstance ci, double v) {
        boolean integral = true;
        for (int t = 0; t < ci.taskCount(); t++) if (ci.weight(t) != Math.rint(ci.weight(t))) integral = false;
        double slack = 1e-9 * Math.max(1, Math.abs(v));
        return integral ? Math.ceil(v - slack) : v - slack;
    }
}
