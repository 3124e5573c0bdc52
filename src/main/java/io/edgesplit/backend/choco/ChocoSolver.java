package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.validate.Validator;
import org.chocosolver.solver.Solution;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.loop.lns.INeighborFactory;
import org.chocosolver.solver.search.loop.monitors.IMonitorDownBranch;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.selectors.values.IntDomainMin;
import org.chocosolver.solver.search.strategy.selectors.values.IntValueSelector;
import org.chocosolver.solver.search.strategy.selectors.variables.DomOverWDeg;
import org.chocosolver.solver.search.strategy.selectors.variables.Smallest;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Exact backend {@code choco}: the constraint model of SPEC 1 in Choco Solver 5 (optional tasks on
 * capacity-1 cumulative resources, see {@link ChocoModel}), solved by branch and bound.
 *
 * <p>How a solve runs (details and measurements in {@code docs/choco.md}):
 * <ol>
 *   <li>An incumbent first, in the calling thread: the warm start when the validator accepts it, else
 *   every layer on its fastest node ({@link ScheduleBuilder}); then, while they clearly fit in the time
 *   limit, everything on the origin and the fastest nodes in release order. It bounds the horizon, and a
 *   feasible answer always exists.</li>
 *   <li>The model (built and searched in a daemon worker thread) admits only schedules strictly better than
 *   the incumbent. If a complete search ends without being stopped, the best schedule found, or else the
 *   incumbent, is proven optimal.</li>
 *   <li>Search ({@code placement-first}, both objectives): placements first (dom/wdeg; value = the node
 *   with the shortest path of the task alone through it), then the smallest earliest start, assigned to
 *   it, then the private starts of unperformed optional tasks; last-conflict, Luby restarts, lazy clause
 *   generation ({@code lcg}) in complete searches. The incumbent's placement is a hint.</li>
 *   <li>{@code search = auto} on models with more than {@value #LNS_THRESHOLD} (layer, node) choices:
 *   complete search for 20% of the time (it proves the easy ones), propagation-guided LNS (without LCG)
 *   from the best schedule for {@code lnsShare} of it, then complete search again from the best schedule
 *   found. Smaller models get the complete search only.</li>
 *   <li>{@code workers} ≥ 2: one complete search (LCG) for the whole time next to an LNS job
 *   ({@code secondWorker}), each on its own model; the LNS job adopts the best objective found, the
 *   complete one only publishes (an outside cut under LCG gave wrong optima). {@code workers = 1} is
 *   deterministic when not stopped by the clock; more workers are not.</li>
 *   <li>Deadline: the calling thread answers at the time limit whatever the worker does (model building
 *   and Choco's root propagation do not look at the clock); cancelling stops the worker within
 *   milliseconds (build checks, a stop criterion, a watchdog propagator).</li>
 * </ol>
 * Result: {@code OPTIMAL} when a complete search ends unstopped; otherwise {@code FEASIBLE} with the
 * objective's lower bound after root propagation (floored to whole ticks) and the anytime trace.
 * {@code INFEASIBLE} never occurs: the schedule builder makes a feasible schedule of every valid instance.
 */
public final class ChocoSolver implements Solver {
    /** Above this many (layer, node) placement choices, {@code auto} starts with LNS. */
    static final int LNS_THRESHOLD = 60;

    /**
     * Above this many placement choices lazy clause generation stays off, whatever {@code lcg} says. Under
     * LCG Choco gives the intermediate sums of the load cuts eager literals over dense domains: on the
     * 1163-layer campus-light-medium-s1 creating one took seconds inside a single, uninterruptible
     * {@code scalar} call, and the abandoned worker kept running long after the deadline. The committed
     * small instances have at most 168 choices; the medium ones 1064 and more.
     */
    static final int LCG_MAX_CHOICES = 600;

    @Override
    public String name() { return "choco"; }

    @Override
    public String description() {
        return "Choco Solver 5 CP model (optional tasks, cumulative resources), branch and bound; proves optimality";
    }

    @Override
    public boolean exact() { return true; }

    @Override
    public List<ParamSpec> parameters() {
        return List.of(
                ParamSpec.ofString("search", "auto", "auto | complete | lns-then-complete"),
                ParamSpec.ofString("branching", "auto",
                        "auto (placement-first for makespan, dwd for total latency) | placement-first (dom/wdeg on placements, then smallest start) | dwd (Choco dom/wdeg on placements, then on times)"),
                ParamSpec.ofBoolean("restarts", true, "Luby restarts in the complete search"),
                ParamSpec.ofBoolean("lcg", true, "Choco 5 lazy clause generation in complete searches (never under LNS, where Choco 5.0.0 reports solutions with unassigned variables, nor above " + LCG_MAX_CHOICES + " placement choices)"),
                ParamSpec.ofBoolean("redundant", true, "per-node load cuts for the makespan"),
                ParamSpec.ofDouble("lnsShare", 0.5, "share of the time limit given to LNS (after a complete search on 20% of it, under search = auto)"),
                ParamSpec.ofString("placementOrder", "domwdeg", "placement-first: which placement to branch on: domwdeg | chs (conflict history)"),
                ParamSpec.ofBoolean("pathBounds", true, "per-task heads and tails of each (layer, node) from the task alone"),
                ParamSpec.ofString("secondWorker", "lns", "with workers >= 2, what the second job runs next to the complete search: lns | complete (the other branching)"),
                ParamSpec.ofDouble("buildShare", 1.0 / 3, "share of a phase's time that building its model may take before the phase is given up"));
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long t0 = System.nanoTime();
        long deadline = options.deadlineNanos(t0);
        String search = options.params().getString("search", "auto");
        if (!List.of("auto", "complete", "lns-then-complete").contains(search))
            throw new IllegalArgumentException("params.search: expected auto, complete or lns-then-complete, got " + search);
        String branching = options.params().getString("branching", "auto");
        if (!List.of("auto", "placement-first", "dwd").contains(branching))
            throw new IllegalArgumentException("params.branching: expected auto, placement-first or dwd, got " + branching);
        for (String[] choice : new String[][]{{"secondWorker", "lns", "complete"}, {"placementOrder", "domwdeg", "chs"}}) {
            String v = options.params().getString(choice[0], choice[1]);
            if (!v.equals(choice[1]) && !v.equals(choice[2]))
                throw new IllegalArgumentException("params." + choice[0] + ": expected " + choice[1] + " or " + choice[2] + ", got " + v);
        }
        // placement-first for both objectives since the path bounds give it a good value order (docs/choco.md)
        if (branching.equals("auto")) branching = "placement-first";

        Run run = new Run(ci, t0, firstIncumbent(ci, options.warmStart()));
        // More schedule-builder candidates, each only while it clearly fits (none of this is interruptible;
        // a 29,000-layer instance needs about 0.6 s per schedule in a fresh JVM).
        long per = System.nanoTime() - t0;
        for (java.util.function.Supplier<Schedule> more : moreIncumbents(ci)) {
            long a = System.nanoTime();
            if (deadline - a < 2 * per) break;
            run.offer(more.get());
            per = Math.max(per, System.nanoTime() - a);
        }
        // Model building and Choco's root propagation do not look at the clock, and on instances with a
        // thousand layers or more they outlast short limits. So the phases run in a worker thread, and this
        // thread answers at the deadline whatever the worker is doing: with the best schedule published so
        // far (the incumbent always exists). Cancelling makes the worker stop within milliseconds (stop
        // criterion, Watchdog propagator, build checks), so an abandoned solve does not slow the next one.
        String b = branching;
        Thread worker = new Thread(() -> run.execute(options, search, b, deadline), "choco-" + ci.name());
        worker.setDaemon(true);
        worker.start();
        try {
            long wait = deadline - STOP_MARGIN_NANOS - System.nanoTime();
            if (wait > 0) worker.join(Math.max(1, wait / 1_000_000));
            if (worker.isAlive()) {
                run.cancel();
                worker.join(GRACE_MILLIS);
            }
        } catch (InterruptedException e) {
            run.cancel();
            Thread.currentThread().interrupt();
        }
        if (worker.isAlive()) worker.interrupt();
        return run.finish(!worker.isAlive());
    }

    /** The answer is assembled this long before the deadline when the worker is still busy. */
    static final long STOP_MARGIN_NANOS = 30_000_000L;
    /** How long a cancelled worker may take to publish its last state before we answer without it. */
    static final long GRACE_MILLIS = 150;

    /**
     * The state one solve shares between its worker thread (which runs the phases and publishes every
     * improving schedule) and the calling thread (which answers, at the latest at the deadline).
     */
    private final class Run {
        final CompiledInstance ci;
        final long t0;
        /** Whether the model is small enough for lazy clause generation ({@link #LCG_MAX_CHOICES}). */
        final boolean lcgAllowed;
        volatile boolean cancelled;
        /** The best objective in model units (see {@link ChocoModel#scaledObjective}), shared by parallel jobs. */
        volatile long bestScaled = Long.MAX_VALUE;
        private Schedule best;
        private final List<TracePoint> trace = new ArrayList<>();
        private Long bound;
        private boolean proven;
        private String note;
        private RuntimeException failure;
        private boolean answered;

        Run(CompiledInstance ci, long t0, Schedule incumbent) {
            this.ci = ci;
            this.t0 = t0;
            this.lcgAllowed = ci.placementChoices() <= LCG_MAX_CHOICES;
            this.best = incumbent;
            trace.add(new TracePoint(seconds(t0), incumbent.objectiveTicks(ci), null));
        }

        void cancel() { cancelled = true; }

        synchronized Schedule best() { return best; }

        /** A schedule found by Choco: strictly better than every earlier one (the objective cut). */
        synchronized void offer(Schedule s) { offer(s, Long.MAX_VALUE); }

        /** A schedule and its objective in model units (which parallel jobs adopt as their cut). */
        synchronized void offer(Schedule s, long scaled) {
            if (answered) return;
            double obj = s.objectiveTicks(ci);
            if (obj >= best.objectiveTicks(ci)) return;
            best = s;
            if (scaled < bestScaled) bestScaled = scaled;
            trace.add(new TracePoint(seconds(t0), obj, null));
        }

        synchronized void phaseEnded(Phase p) {
            if (answered) return;
            bound = max(bound, p.bound);
            note = p.note;
            proven = p.proven && !cancelled;
        }

        void execute(SolveOptions options, String search, String branching, long deadline) {
            try {
                phases(options, search, branching, deadline);
            } catch (RuntimeException e) {
                // after a cancel, whatever the interrupted Choco run throws does not matter: the answer stands
                if (!cancelled) synchronized (this) { failure = e; }
            } catch (OutOfMemoryError e) {
                // The model of a large instance can exceed the heap; it is unreachable once we are here, and
                // the incumbent is still a valid answer.
                synchronized (this) { note = "the Choco model ran out of memory; returning the best schedule-builder / warm-start schedule"; }
            } catch (Error e) {
                // e.g. an assertion inside Choco: reported as an error, never silently as a plain FEASIBLE
                if (!cancelled) synchronized (this) { failure = new IllegalStateException("choco: " + e, e); }
            }
        }

        private void phases(SolveOptions options, String search, String branching, long deadline) {
            double share = Math.min(0.9, Math.max(0.0, options.params().getDouble("lnsShare", 0.5)));
            long choices = ci.placementChoices();
            // The plan: (LNS?, end of the phase as a share of the time limit). The last phase is always complete.
            List<double[]> plan = new ArrayList<>();
            if (options.workers() > 1) {
                // Parallel: one phase for the whole time, a complete search next to the other jobs, all
                // sharing their best objective (docs/choco.md).
                Phase p = parallel(this, options, best(), branching, deadline);
                phaseEnded(p);
                return;
            }
            if (search.equals("lns-then-complete")) plan.add(new double[]{1, share});
            else if (search.equals("auto") && choices > LNS_THRESHOLD) {
                // a short complete search first (it proves the easy ones), then LNS, then complete again from
                // the best schedule found
                plan.add(new double[]{0, 0.2});
                plan.add(new double[]{1, Math.min(0.95, 0.2 + share)});
            }
            plan.add(new double[]{0, 1.0});
            long setup = 0;
            for (int i = 0; i < plan.size() && !cancelled; i++) {
                double[] step = plan.get(i);
                // A phase that cannot even pay for building and propagating its model is not started.
                if (i > 0 && deadline - System.nanoTime() < 3 * setup) break;
                long end = i == plan.size() - 1 ? deadline : t0 + (long) ((deadline - t0) * step[1]);
                Phase p = choco(this, options, best(), step[0] == 1, branching, options.seed(), end, new AtomicBoolean());
                setup = Math.max(setup, p.setupNanos);
                phaseEnded(p);
                if (p.proven && !cancelled) break;
            }
        }

        /** The answer; {@code workerDone} is false when the worker was abandoned at the deadline. */
        synchronized SolveResult finish(boolean workerDone) {
            answered = true;
            if (failure != null) throw failure;
            double obj = best.objectiveTicks(ci);
            List<TracePoint> out = new ArrayList<>(trace);
            if (proven && workerDone) {
                out.add(new TracePoint(seconds(t0), obj, obj));
                return new SolveResult(Status.OPTIMAL, best, (long) Math.floor(obj + 1e-9), out, null);
            }
            Long b = bound == null ? null : Math.min(bound, (long) Math.floor(obj + 1e-9));
            out.add(new TracePoint(seconds(t0), obj, b == null ? null : b.doubleValue()));
            String msg = note;
            if (cancelled) msg = "time limit reached" + (workerDone ? "" : " while Choco was still building or propagating its model")
                    + "; returning the best schedule found";
            return new SolveResult(Status.FEASIBLE, best, b, out, msg);
        }
    }

    /** The outcome of one Choco run. */
    private static final class Phase {
        boolean proven;
        Long bound;
        String note;
        /** Model building and root propagation: from the phase's start to its first decision (or its end). */
        long setupNanos;
    }

    /**
     * One Choco run that only admits schedules better than {@code incumbent}: complete (branch and bound) or
     * LNS (incomplete) until {@code until}. Every solution found is published to {@code run}.
     */
    /**
     * {@code workers} jobs in parallel until {@code until}, each on its own model: job 0 is the complete
     * search with {@code branching}; job 1 is LNS ({@code secondWorker = lns}) or the complete search with the
     * other branching ({@code complete}); further jobs are complete searches with other seeds. Every job
     * publishes its schedules; a job without LCG (LNS) also adopts the best objective any job has found as
     * its cut (at its next decision). The first complete job that exhausts its search proves the best
     * schedule found optimal (no schedule beats its own best, and the run's best is at least as good) and
     * stops the others.
     */
    private Phase parallel(Run run, SolveOptions options, Schedule incumbent, String branching, long until) {
        String second = options.params().getString("secondWorker", "lns");
        String other = branching.equals("dwd") ? "placement-first" : "dwd";
        AtomicBoolean over = new AtomicBoolean();
        int k = options.workers();
        Phase[] out = new Phase[k];
        List<Thread> threads = new ArrayList<>();
        for (int j = 1; j < k; j++) {
            int job = j;
            boolean lns = job == 1 && second.equals("lns");
            String br = job == 1 && second.equals("complete") ? other : branching;
            Thread th = new Thread(() -> {
                try {
                    out[job] = choco(run, options, incumbent, lns, br, options.seed() + job, until, over);
                } catch (RuntimeException | OutOfMemoryError e) {
                    // this job is lost; the others still answer
                }
            }, "choco-" + run.ci.name() + "-" + job);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        try {
            out[0] = choco(run, options, incumbent, false, branching, options.seed(), until, over);
        } finally {
            over.set(true);
            for (Thread th : threads) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Phase merged = new Phase();
        for (Phase p : out) {
            if (p == null) continue;
            merged.proven |= p.proven;
            merged.bound = max(merged.bound, p.bound);
            merged.setupNanos = Math.max(merged.setupNanos, p.setupNanos);
            if (merged.note == null) merged.note = p.note;
        }
        if (merged.proven) merged.note = null;
        return merged;
    }

    /**
     * One Choco job that only admits schedules better than {@code incumbent} (and than the best any parallel
     * job has published): complete (branch and bound) or LNS (incomplete) until {@code until} or until
     * {@code over} is set. A complete job that ends unstopped sets {@code over}.
     */
    private Phase choco(Run run, SolveOptions options, Schedule incumbent, boolean lns, String branching, long seed, long until,
                        AtomicBoolean over) {
        CompiledInstance ci = run.ci;
        Phase phase = new Phase();
        long phaseStart = System.nanoTime();
        long remaining = until - phaseStart;
        if (remaining <= 0) {
            phase.note = "time limit reached before the search started";
            return phase;
        }
        ChocoModel cm;
        double buildShare = Math.min(1, Math.max(0, options.params().getDouble("buildShare", 1.0 / 3)));
        try {
            // Building must leave time to search: by default at most a third of what this phase has.
            cm = new ChocoModel(ci, incumbent, true, !lns && options.params().getBoolean("lcg", true) && run.lcgAllowed,
                    options.params().getBoolean("redundant", true), options.params().getBoolean("pathBounds", true), phaseStart + (long) (remaining * buildShare), () -> run.cancelled);
        } catch (ChocoModel.TooLarge e) {
            phase.note = e.getMessage() + "; returning the best schedule-builder / warm-start schedule";
            phase.setupNanos = System.nanoTime() - phaseStart;
            return phase;
        }
        long built = System.nanoTime() - phaseStart;
        if (buildShare < 1 && until - System.nanoTime() < built) {
            // Root propagation costs about as much as the build: a search that cannot pay for it is skipped
            // (buildShare = 1 means: build and propagate whatever it takes, until the deadline stops it).
            phase.note = "no time left to search the Choco model of " + ci.totalLayers() + " layers after building it";
            phase.setupNanos = built;
            return phase;
        }
        org.chocosolver.solver.Solver solver = cm.model.getSolver();
        IntVar[] placement = cm.placementVars();
        IntVar[] times = cm.timeVars();
        Map<IntVar, int[]> layerOf = new HashMap<>();
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) layerOf.put(cm.X[t][l], new int[]{t, l});

        if (branching.equals("placement-first")) {
            // value: the node with the shortest path of the task alone through it (head + proc + tail), which
            // counts the transfers the fastest node alone would ignore; the fastest node without path bounds
            IntValueSelector fastest = var -> {
                int[] tl = layerOf.get(var);
                int bestNode = var.getLB();
                long bestProc = Long.MAX_VALUE;
                for (int n = var.getLB(); n <= var.getUB(); n = var.nextValue(n)) {
                    long p = cm.pathLength != null ? cm.pathLength[tl[0]][tl[1]][n] : ci.proc(tl[0], tl[1], n);
                    if (p < bestProc) {
                        bestProc = p;
                        bestNode = n;
                    }
                }
                return bestNode;
            };
            List<AbstractStrategy<IntVar>> parts = new ArrayList<>();
            if (placement.length > 0)
                parts.add(Search.intVarSearch(options.params().getString("placementOrder", "domwdeg").equals("chs")
                        ? new org.chocosolver.solver.search.strategy.selectors.variables.ConflictHistorySearch<>(placement, seed)
                        : new DomOverWDeg<>(placement, seed), fastest, placement));
            parts.add(Search.intVarSearch(new Smallest(), new IntDomainMin(), times));
            parts.add(Search.inputOrderLBSearch(cm.objective));
            if (cm.auxiliaryVars().length > 0) parts.add(Search.inputOrderLBSearch(cm.auxiliaryVars()));
            @SuppressWarnings("unchecked")
            AbstractStrategy<IntVar>[] arr = parts.toArray(new AbstractStrategy[0]);
            solver.setSearch(Search.lastConflict(Search.sequencer(arr)));
        } else {
            // Choco's own dom/wdeg (value = lower bound) on placements, then on times. Placements still come
            // first: Choco 5.0.0's cumulative does not re-check its profile when a "performed" boolean is
            // fixed after the starts (docs/choco.md), so performed must be decided before any start.
            List<AbstractStrategy<IntVar>> parts = new ArrayList<>();
            if (placement.length > 0) parts.add(Search.domOverWDegSearch(placement));
            parts.add(Search.domOverWDegSearch(concat(times, new IntVar[0], cm.objective)));
            if (cm.auxiliaryVars().length > 0) parts.add(Search.inputOrderLBSearch(cm.auxiliaryVars()));
            @SuppressWarnings("unchecked")
            AbstractStrategy<IntVar>[] arr = parts.toArray(new AbstractStrategy[0]);
            solver.setSearch(Search.lastConflict(Search.sequencer(arr)));
        }
        // The incumbent's placement as a hint for the first descent (it is excluded by the objective cut,
        // but its placement with better-packed starts often is not).
        for (int t = 0; t < ci.taskCount(); t++)
            for (int l = 0; l < ci.layerCount(t); l++) solver.addHint(cm.X[t][l], incumbent.node(t, l));

        if (lns) {
            IntVar[] decision = concat(placement, times);
            Solution boot = new Solution(cm.model, decision);
            // Load the incumbent's values so the first neighbourhood is around it.
            boolean loaded = loadIncumbent(cm, incumbent, boot);
            if (loaded) solver.setLNS(INeighborFactory.propagationGuided(seed, decision), new FailCounter(cm.model, 200), boot);
            else solver.setLNS(INeighborFactory.propagationGuided(seed, decision), new FailCounter(cm.model, 200));
        } else if (options.params().getBoolean("restarts", true)) {
            solver.setLubyRestart(100, new FailCounter(cm.model, 0), Integer.MAX_VALUE);
        }

        // The bound: the objective's lower bound after propagation at the root (read before each decision
        // taken there, so also after restarts). Under LNS the root holds a fragment of fixed variables, so
        // no bound is read there.
        long[] rootBound = {-1};
        long[] adopted = {Long.MAX_VALUE};
        boolean lcgUsed = cm.model.getSettings().isLCG();
        long incumbentScaled = cm.scaledObjective(incumbent);
        solver.plugMonitor(new IMonitorDownBranch() {
                @Override
                public void beforeDownBranch(boolean left) {
                    if (phase.setupNanos == 0) {
                        phase.setupNanos = System.nanoTime() - phaseStart;
                        cm.disarmWatchdog();
                    }
                    // Another job's better schedule becomes this job's cut (posted by the propagation that
                    // follows), but only in a job without lazy clause generation: with LCG on, an objective
                    // bound imposed from outside the search gave wrong "optima" (docs/choco.md), so an LCG
                    // job only publishes. With one job the shared value never beats the model's own cut.
                    long shared = run.bestScaled;
                    if (!lcgUsed && shared < adopted[0] && shared < incumbentScaled) {
                        adopted[0] = shared;
                        solver.getObjectiveManager().updateBestSolution(shared);
                    }
                    // the first decision is already on the path (after ROOT) but not yet applied
                    if (!lns && left && solver.getDecisionPath().size() <= 2) rootBound[0] = Math.max(rootBound[0], cm.objective.getLB());
                }
            });
        solver.plugMonitor((org.chocosolver.solver.search.loop.monitors.IMonitorSolution) () -> {
            long v = cm.objective.getValue();
            adopted[0] = Math.min(adopted[0], v);
            run.offer(cm.readSchedule(), v);
        });
        solver.limitTime(Math.max(1, remaining / 1_000_000));
        solver.addStopCriterion(() -> run.cancelled || over.get());
        if (options.log()) solver.showShortStatistics();
        while (!run.cancelled && solver.solve()) {
            // each call finds the next, strictly better, solution (the objective cut tightens itself)
        }
        if (phase.setupNanos == 0) phase.setupNanos = System.nanoTime() - phaseStart;
        // A cancelled solve may also end "without solution" because the Watchdog failed: never a proof.
        boolean stopped = solver.isStopCriterionMet() || solver.hasEndedUnexpectedly() || run.cancelled || over.get();
        phase.proven = !lns && !stopped;
        if (phase.proven) over.set(true);
        // A bound on the schedules better than the incumbent; the incumbent itself bounds the rest.
        if (rootBound[0] >= 0) phase.bound = Math.min(unscale(cm, rootBound[0]), (long) Math.floor(incumbent.objectiveTicks(ci) + 1e-9));
        if (!phase.proven) phase.note = lns ? "LNS phase ended" : "time limit reached";
        return phase;
    }

    /** Bound in model units → ticks of the reported objective (floor: the weights may have been scaled). */
    private static long unscale(ChocoModel cm, long v) {
        return Math.floorDiv(v, cm.weightScale);
    }

    private static boolean loadIncumbent(ChocoModel cm, Schedule inc, Solution boot) {
        CompiledInstance ci = cm.ci;
        try {
            for (int t = 0; t < ci.taskCount(); t++) {
                for (int l = 0; l < ci.layerCount(t); l++) {
                    if (!cm.X[t][l].isInstantiated()) boot.setIntVal(cm.X[t][l], inc.node(t, l));
                    boot.setIntVal(cm.S[t][l], (int) inc.start(t, l));
                }
                Map<Long, Long> started = new HashMap<>();
                for (io.edgesplit.solution.Transfer tr : inc.transfers(t))
                    started.put(((long) tr.tensor() + 1) * ci.nodeCount() + tr.to(), tr.start());
                for (ChocoModel.TransferVar tv : cm.transfers.get(t)) {
                    Long s = started.get(((long) tv.tensor() + 1) * ci.nodeCount() + tv.to());
                    long ready = tv.tensor() < 0 ? ci.release(t) : inc.end(ci, t, tv.tensor());
                    boot.setIntVal(tv.start(), (int) (s != null ? s : ready));
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The best of the warm start (if valid) and a few schedule-builder schedules. */
    static Schedule initialIncumbent(CompiledInstance ci, Schedule warm) {
        Schedule best = firstIncumbent(ci, warm);
        for (java.util.function.Supplier<Schedule> more : moreIncumbents(ci)) {
            Schedule s = more.get();
            if (s.objectiveTicks(ci) < best.objectiveTicks(ci)) best = s;
        }
        return best;
    }

    /**
     * One feasible schedule, as cheaply as possible: the warm start when the validator accepts it, else every
     * layer on its fastest node. The caller's thread pays for it (it is the answer if nothing else is found
     * in time); on a 29,000-layer instance one schedule-builder run takes about 0.6 s in a fresh JVM.
     */
    static Schedule firstIncumbent(CompiledInstance ci, Schedule warm) {
        if (warm != null && warm.taskCount() == ci.taskCount()) {
            try {
                if (Validator.validate(ci, warm.toSolution(ci, "warm-start", Status.FEASIBLE, null, null)).valid())
                    return warm;
            } catch (RuntimeException ignored) {
                // a malformed warm start is ignored, not fatal
            }
        }
        return ScheduleBuilder.build(ci, fastestNodes(ci));
    }

    /** Other schedule-builder schedules: everything on the origin where allowed, and every layer on its
     * fastest node in release order. */
    static List<java.util.function.Supplier<Schedule>> moreIncumbents(CompiledInstance ci) {
        int T = ci.taskCount();
        int[][] fastest = fastestNodes(ci);
        int[][] local = new int[T][];
        for (int t = 0; t < T; t++) {
            local[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < local[t].length; l++) local[t][l] = ci.canRun(t, l, ci.origin(t)) ? ci.origin(t) : fastest[t][l];
        }
        return List.of(() -> ScheduleBuilder.build(ci, local), () -> ScheduleBuilder.build(ci, fastest, PriorityRule.taskOrder(releaseRank(ci))));
    }

    private static int[][] fastestNodes(CompiledInstance ci) {
        int[][] fastest = new int[ci.taskCount()][];
        for (int t = 0; t < fastest.length; t++) {
            fastest[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < fastest[t].length; l++) {
                int[] nodes = ci.nodesFor(t, l);
                int f = nodes[0];
                for (int n : nodes) if (ci.proc(t, l, n) < ci.proc(t, l, f)) f = n;
                fastest[t][l] = f;
            }
        }
        return fastest;
    }

    private static int[] releaseRank(CompiledInstance ci) {
        Integer[] idx = new Integer[ci.taskCount()];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (a, b) -> Long.compare(ci.release(a), ci.release(b)));
        int[] rank = new int[idx.length];
        for (int r = 0; r < idx.length; r++) rank[idx[r]] = r;
        return rank;
    }

    private static IntVar[] concat(IntVar[] a, IntVar[] b, IntVar... c) {
        IntVar[] out = new IntVar[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }

    private static Long max(Long a, Long b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.max(a, b);
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
