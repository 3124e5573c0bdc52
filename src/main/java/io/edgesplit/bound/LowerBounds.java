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
 *   <li><b>completion counting</b> (total latency): the objective as the integral of the weight not yet
 *       complete, with the weight that can be complete by each time capped by the resource sets' capacity.</li>
 * </ul>
 * Resource sets are tried in {@link ResourceSet#families} order within a work budget, so the time stays
 * well under a second at 30,000 layers (docs/bounds.md, "Time").
 */
public final class LowerBounds {
    private LowerBounds() {}

    /** Instances with at most this many nodes also try every combination of compute and ingress sets. */
    static final int EVERY_SUBSET_NODES = 5;
    /** Rough work budget (inner-loop steps) for one pass over the resource sets; later (less useful) sets are left out. */
    static final long SET_BUDGET = 12_000_000L;
    /** Rough work budget (inner-loop steps) for the bisection of "capacity with deadlines". */
    static final long DEADLINE_BUDGET = 60_000_000L;
    /** Rough work budget (inner-loop steps) for the time grid of "completion counting". */
    static final long COUNT_BUDGET = 20_000_000L;

    public static LowerBound compute(CompiledInstance ci) {
        long t0 = System.nanoTime();
        List<TaskRelaxation> tasks = relax(ci);
        List<ResourceSet> all = ResourceSet.families(ci, ci.nodeCount() <= EVERY_SUBSET_NODES);
        List<ResourceSet> sets = withinBudget(ci, tasks, all);
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
            parts.add(new LowerBound.Component("mean-busy-time", round(ci, best), best > alone ? which + tried : "no resource set beat task-alone" + tried));
            // every combination of sets would leave too few time points: the structured families only
            parts.add(completionCounting(ci, tasks, withinBudget(ci, tasks, ResourceSet.families(ci, false))));
        }
        LowerBound.Component top = parts.get(0);
        for (LowerBound.Component c : parts) if (c.ticks() > top.ticks()) top = c;
        return new LowerBound(ci.name(), ci.objective(), ci.timeUnit(), List.copyOf(parts), top, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * Completion counting (total latency): Σ w (C − release) = ∫ W(s) ds, where W(s) is the weight of the
     * tasks released by s and not complete at s. A set of tasks that all complete by s must pass each
     * resource set's energy test at deadline s (only options that fit s, loads in [a, s − b]); the largest
     * weight that can pass (a fractional knapsack over the loads, an upper bound on any such set) caps the
     * weight complete at s, so W(s) ≥ released weight − that cap. On a grid s_0 < s_1 < …, W on [s_i, s_i+1)
     * is at least released(s_i) − cap(s_i+1) (both monotone), which is summed.
     */
    private static LowerBound.Component completionCounting(CompiledInstance ci, List<TaskRelaxation> tasks, List<ResourceSet> sets) {
        double total = 0;
        long sLo = Long.MAX_VALUE, sHi = 0;
        for (TaskRelaxation r : tasks) { total += r.weight; sLo = Math.min(sLo, r.release); sHi = Math.max(sHi, r.alone); }
        if (tasks.isEmpty() || total <= 0) return new LowerBound.Component("completion-counting", 0, "no weighted tasks");
        // Each set's loads without a deadline (the least over every plan) serve every time point cheaply; at a
        // coarser grid the loads that fit the time point (larger) refine the cap. The weight complete by s is
        // monotone in s, so a cap at a later point also caps every earlier one.
        List<List<TaskLoad>> anyTime = new ArrayList<>();
        for (ResourceSet set : sets) {
            List<TaskLoad> l = new ArrayList<>();
            for (TaskRelaxation r : tasks) l.add(set.concerns(r) ? TaskLoad.of(r, set, TaskRelaxation.INF) : TaskLoad.NONE);
            anyTime.add(l);
        }
        long perPoint = 1;
        for (ResourceSet s : sets) perPoint += cost(tasks, s);
        long coarse = Math.min(64, COUNT_BUDGET / perPoint);
        long fine = Math.max(coarse, Math.min(1000, COUNT_BUDGET / (1 + 8L * tasks.size() * sets.size())));
        Map<Long, Double> cache = new HashMap<>();
        java.util.function.LongToDoubleFunction capAnyTime = x -> cache.computeIfAbsent(x, y -> completable(tasks, sets, anyTime, y, false));
        for (int k = 0; k < 40 && capAnyTime.applyAsDouble(sHi) < total * (1 - 1e-12); k++) sHi = sHi + Math.max(1, sHi - sLo);
        java.util.TreeSet<Long> grid = new java.util.TreeSet<>();
        for (long i = 0; i <= fine; i++) grid.add(sLo + (long) ((double) (sHi - sLo) * i / fine));
        if (tasks.size() <= fine)
            for (TaskRelaxation r : tasks) { grid.add(r.release); if (r.alone <= sHi) grid.add(r.alone); }
        java.util.TreeMap<Long, Double> refined = new java.util.TreeMap<>();
        if (coarse >= 4)
            for (long i = 1; i <= coarse; i++) {
                long g = sLo + (long) ((double) (sHi - sLo) * i / coarse);
                refined.put(g, completable(tasks, sets, anyTime, g, true));
            }
        double lb = 0;
        Long prev = null;
        for (long g : grid) {
            if (prev != null) {
                double released = 0;
                for (TaskRelaxation r : tasks) if (r.release <= prev) released += r.weight;
                double cap = capAnyTime.applyAsDouble(g);
                Map.Entry<Long, Double> later = refined.ceilingEntry(g);
                if (later != null) cap = Math.min(cap, later.getValue());
                lb += (g - prev) * Math.max(0, released - cap);
            }
            prev = g;
        }
        return new LowerBound.Component("completion-counting", round(ci, lb), grid.size() + " time points, " + sets.size()
                + " resource sets" + (coarse >= 4 ? ", deadline-filtered loads at " + coarse : ""));
    }

    /**
     * An upper bound on the weight of tasks that can all complete by s (see {@link #completionCounting}):
     * with {@code filtered}, each set's loads over the options that fit s; otherwise the given loads.
     */
    private static double completable(List<TaskRelaxation> tasks, List<ResourceSet> sets, List<List<TaskLoad>> anyTime, long s, boolean filtered) {
        double alone = 0;
        for (TaskRelaxation r : tasks) if (r.alone <= s) alone += r.weight;
        double best = alone;
        for (int k = 0; k < sets.size(); k++) {
            ResourceSet set = sets.get(k);
            double free = 0;
            List<TaskLoad> items = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int t = 0; t < tasks.size(); t++) {
                TaskRelaxation r = tasks.get(t);
                if (r.alone > s) continue;
                TaskLoad load = !filtered ? anyTime.get(k).get(t) : set.concerns(r) ? TaskLoad.of(r, set, s) : TaskLoad.NONE;
                if (load == null) continue;
                if (load.load() == 0) free += r.weight;
                else { items.add(load); weights.add(r.weight); }
            }
            if (items.isEmpty()) { best = Math.min(best, free); continue; }
            long[] tails = items.stream().mapToLong(TaskLoad::tail).distinct().sorted().toArray();
            int cands = Math.min(tails.length, 8);
            for (int c = 0; c < cands; c++) {
                long b = tails[(int) ((long) c * (tails.length - 1) / Math.max(1, cands - 1))];
                double loose = 0;
                long a = Long.MAX_VALUE;
                List<double[]> tight = new ArrayList<>(); // {weight, load}
                for (int i = 0; i < items.size(); i++) {
                    TaskLoad it = items.get(i);
                    if (it.tail() < b) loose += weights.get(i);
                    else { tight.add(new double[]{weights.get(i), it.load()}); a = Math.min(a, it.head()); }
                }
                double capacity = 0;
                for (long f : set.usable()) capacity += Math.max(0, s - b - Math.max(a, f));
                tight.sort((x, y) -> Double.compare(y[0] / y[1], x[0] / x[1]));
                double packed = 0;
                for (double[] it : tight) {
                    if (capacity <= 0) break;
                    double take = Math.min(1, capacity / it[1]);
                    packed += take * it[0];
                    capacity -= take * it[1];
                }
                best = Math.min(best, free + loose + packed);
            }
        }
        return best;
    }

    /** The longest prefix of the families whose passes fit {@link #SET_BUDGET} (at least one), prepared. */
    private static List<ResourceSet> withinBudget(CompiledInstance ci, List<TaskRelaxation> tasks, List<ResourceSet> families) {
        List<ResourceSet> out = new ArrayList<>();
        long spent = 0;
        for (ResourceSet s : families) {
            spent += cost(tasks, s);
            if (spent > SET_BUDGET && !out.isEmpty()) break;
            out.add(s.prepare(ci, tasks));
        }
        return out;
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
        return Capacity.energy(jobs, s.usable());
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
        for (TaskRelaxation r : tasks) if (r.alone > c) return "task " + r.instance().taskName(r.task) + " alone";
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
            double[] terms = Capacity.meanBusyTime(jobs, w, rel, s.usable());
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
