package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;
import org.chocosolver.solver.search.loop.monitors.IMonitorDownBranch;
import org.chocosolver.solver.search.loop.monitors.IMonitorSolution;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Choco run: build the model (only schedules better than {@code incumbent}, and than the best any
 * parallel job has published), configure its search ({@link SearchStrategies}), solve until a time or until
 * {@code over} is set, publishing every schedule found to the {@link SolveRun}. A complete run that ends
 * unstopped proves that nothing better than its best exists in its model, and sets {@code over}.
 */
final class ChocoJob {
    private ChocoJob() {}

    /**
     * @param restriction null for the whole problem; otherwise a sub-model (a neighbourhood of the
     *                    incumbent), whose "proof" only means that the neighbourhood holds nothing better
     */
    static Phase run(SolveRun run, SolveOptions options, Schedule incumbent, boolean lns, String branching, long seed,
                     long until, AtomicBoolean over, ChocoModel.Restriction restriction, boolean lcgWanted) {
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
        boolean lcg = !lns && lcgWanted && run.lcgAllowed;
        boolean redundant = options.params().getBoolean("redundant", true), pathBounds = options.params().getBoolean("pathBounds", true);
        long buildBy = phaseStart + (long) (remaining * buildShare);
        long rootLB = -1;
        try {
            RootBounds root = null;
            if (lcg && options.params().getBoolean("rootPresolve", true)) {
                root = RootBounds.propagate(ci, incumbent, redundant, pathBounds, buildBy, () -> run.cancelled || over.get(), restriction);
                if (root.infeasible()) {
                    // Root propagation alone shows that no schedule beats the incumbent: a complete search
                    // would end here too.
                    phase.proven = !run.cancelled && !over.get();
                    if (phase.proven && restriction == null) over.set(true);
                    phase.setupNanos = System.nanoTime() - phaseStart;
                    if (!phase.proven) phase.note = "time limit reached";
                    return phase;
                }
            }
            // Building must leave time to search: by default at most a third of what this phase has.
            if (root != null) buildBy = Math.min(until, System.nanoTime() + (long) (remaining * buildShare));
            cm = new ChocoModel(ci, incumbent, true, lcg, redundant, pathBounds, buildBy, () -> run.cancelled || over.get(), restriction);
            if (root != null) {
                root.postOn(cm);
                if (restriction == null) rootLB = root.objectiveLB;
            }
        } catch (ChocoModel.TooLarge e) {
            phase.note = e.getMessage() + "; returning the best schedule-builder / warm-start schedule";
            phase.setupNanos = System.nanoTime() - phaseStart;
            phase.notBuilt = true;
            return phase;
        }
        long built = System.nanoTime() - phaseStart;
        if (buildShare < 1 && until - System.nanoTime() < built) {
            // Root propagation costs about as much as the build: a search that cannot pay for it is skipped
            // (buildShare = 1 means: build and propagate whatever it takes, until the deadline stops it).
            phase.note = "no time left to search the Choco model of " + ci.totalLayers() + " layers after building it";
            phase.setupNanos = built;
            phase.notBuilt = true;
            return phase;
        }
        org.chocosolver.solver.Solver solver = cm.model.getSolver();
        SearchStrategies.configure(cm, incumbent, branching, options.params().getString("placementOrder", "domwdeg"), seed, lns,
                options.params().getBoolean("restarts", true), restriction != null && timeHints(options, ci));

        // The bound: the objective's lower bound after propagation at the root (read before each decision
        // taken there, so also after restarts). Under LNS the root holds a fragment of fixed variables, so
        // no bound is read there; nor in a sub-model.
        long[] rootBound = {rootLB};
        long[] adopted = {Long.MAX_VALUE};
        boolean lcgUsed = cm.model.getSettings().isLCG();
        long incumbentScaled = cm.scaledObjective(incumbent);
        solver.plugMonitor(new IMonitorDownBranch() {
            @Override
            public void beforeDownBranch(boolean left) {
                if (phase.setupNanos == 0) {
                    phase.setupNanos = System.nanoTime() - phaseStart;
                    // Under LCG the watchdog stays armed: a propagation after a decision can take seconds
                    // there too (slow convergence on a tight cut), and only the watchdog ends it at the
                    // deadline. Its failure has no reason, which matters only once the solve is cancelled.
                    if (!lcgUsed) cm.disarmWatchdog();
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
                if (!lns && restriction == null && left && solver.getDecisionPath().size() <= 2)
                    rootBound[0] = Math.max(rootBound[0], cm.objective.getLB());
            }
        });
        solver.plugMonitor((IMonitorSolution) () -> {
            long v = cm.objective.getValue();
            adopted[0] = Math.min(adopted[0], v);
            phase.improved = true;
            run.offer(cm.readSchedule(), v);
        });
        solver.limitTime(Math.max(1, remaining / 1_000_000));
        solver.addStopCriterion(() -> run.cancelled || over.get() || System.nanoTime() > until);
        if (options.log()) solver.showShortStatistics();
        try {
            while (!run.cancelled && solver.solve()) {
                // each call finds the next, strictly better, solution (the objective cut tightens itself)
            }
        } catch (RuntimeException | AssertionError e) {
            // a search interrupted by the armed watchdog (LCG) may fail in Choco's conflict analysis; once the
            // solve is cancelled or another job has proven optimality, that does not matter
            if (!run.cancelled && !over.get()) throw e;
        }
        if (phase.setupNanos == 0) phase.setupNanos = System.nanoTime() - phaseStart;
        // A cancelled solve may also end "without solution" because the Watchdog failed: never a proof.
        boolean stopped = solver.isStopCriterionMet() || solver.hasEndedUnexpectedly() || run.cancelled || over.get();
        phase.proven = !lns && !stopped;
        if (phase.proven && restriction == null) over.set(true);
        // A bound on the schedules better than the incumbent; the incumbent itself bounds the rest.
        if (rootBound[0] >= 0)
            phase.bound = Math.min(Math.floorDiv(rootBound[0], cm.weightScale), (long) Math.floor(incumbent.objectiveTicks(ci) + 1e-9));
        if (!phase.proven) phase.note = lns ? "LNS phase ended" : "time limit reached";
        return phase;
    }

    /**
     * Whether a sub-model hints the best schedule's start times: by default for total latency only. There
     * the hints gave the first improvements on the two campus medium instances; for the makespan they kept
     * campus-heavy-medium-s1 at medag's schedule (35 steps), where without them one step found 5 % better.
     */
    private static boolean timeHints(SolveOptions options, CompiledInstance ci) {
        String v = options.params().getString("timeHints", "auto");
        if (!List.of("auto", "on", "off").contains(v))
            throw new IllegalArgumentException("params.timeHints: expected auto, on or off, got " + v);
        return v.equals("on") || v.equals("auto") && ci.objective() == Objective.TOTAL_LATENCY;
    }
}
