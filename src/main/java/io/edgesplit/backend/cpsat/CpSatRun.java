package io.edgesplit.backend.cpsat;

import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.SatParameters;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;

/** One CP-SAT run on one model, with its parameters, a solution callback and a timer that stops it at its limit. */
final class CpSatRun {
    private CpSatRun() {}

    /** Building a model outlasted the time limit (models of thousands of layers take seconds to build here). */
    static final class OutOfTime extends RuntimeException {
        private static final long serialVersionUID = 1L;
        OutOfTime() { super("the time limit ended while building the model", null, false, false); }
    }

    /**
     * Stops CP-SAT runs that outlast their limit: CP-SAT checks its own limit only now and then during presolve
     * (a 1 s limit took up to 6 s on a 1720-layer model here), while stopSearch() is seen sooner.
     */
    private static final java.util.concurrent.ScheduledExecutorService STOPPER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "cpsat-stopper");
                th.setDaemon(true);
                return th;
            });

    /** What one CP-SAT run on one model ended with. */
    record Run(CpSolverStatus status, Schedule schedule, Double bound, double wallSeconds) {}

    /** Receives each solution CP-SAT reports: its objective and bound in ticks (bound may be null). */
    interface OnSolution { void accept(double objectiveTicks, Double boundTicks); }

    /**
     * The share of a model's build time kept in reserve before a deadline: CP-SAT sees its time limit and
     * stopSearch() only between presolve phases, and one phase of a model that took B seconds to build took
     * up to about B/5 here (2.5 s of presolve past the stop on a 1057-layer model built in 12 s at load 10).
     * Scaling with the build time scales with the model and with the machine's load alike; for the models
     * that build in milliseconds (small instances, FJSP, neighbourhood steps) it is nothing.
     */
    static final double PRESOLVE_RESERVE = 0.25;

    /**
     * When building a model must stop to return by {@code deadline}: a little before it (5 % of the limit, at
     * most 1 s), because an abandoned build of a large model still has to be let go (with the deadline checked
     * per layer, the 5908-layer testbed-large model came back 0.86 s after a 10 s limit at load 6, and with a
     * 0.3 s margin the 29,463-layer one 0.82 s after the margin; garbage collection of a model of gigabytes,
     * presumably).
     */
    static long buildBy(long deadlineNanos, double limitSeconds) {
        return deadlineNanos - (long) (Math.min(1.0, 0.05 * limitSeconds) * 1e9);
    }

    /** When a CP-SAT run that starts now, on a model built in {@code buildSeconds}, must stop to end by {@code deadline}. */
    static long stopBy(long deadlineNanos, double buildSeconds) {
        return deadlineNanos - (long) (PRESOLVE_RESERVE * buildSeconds * 1e9);
    }

    /**
     * Solves one model until {@code endNanos} (System.nanoTime), hinted with {@code hint} when not null. The
     * time limit CP-SAT gets is what is left when it starts (after the hint), and a timer calls stopSearch()
     * at {@code endNanos}. With less than 10 ms left it does not start CP-SAT at all (status UNKNOWN).
     */
    static Run run(CpSatModel m, SolveOptions options, long endNanos, Schedule hint, OnSolution onSolution) {
        return run(m, options, endNanos, Double.POSITIVE_INFINITY, hint, onSolution, false);
    }

    /**
     * As above, for at most {@code maxSeconds} from the moment CP-SAT starts (after the hint, which takes a
     * while on big models); {@code lightPresolve}: no symmetry detection and no probing (see below).
     */
    static Run run(CpSatModel m, SolveOptions options, long endNanos, double maxSeconds, Schedule hint, OnSolution onSolution,
                   boolean lightPresolve) {
        long start = System.nanoTime();
        if (hint != null) m.hint(hint);
        endNanos = Math.min(endNanos, System.nanoTime() + (long) Math.min(maxSeconds * 1e9, Long.MAX_VALUE / 4));
        double seconds = (endNanos - System.nanoTime()) / 1e9;
        if (seconds < 0.01) return new Run(CpSolverStatus.UNKNOWN, null, null, (System.nanoTime() - start) / 1e9);
        CpSolver solver = new CpSolver();
        SatParameters.Builder p = solver.getParameters();
        p.setMaxTimeInSeconds(seconds);
        p.setCatchSigintSignal(false); // Ctrl-C belongs to the command line (io.edgesplit.solver.Interrupts)
        p.setNumWorkers(options.workers());
        p.setRandomSeed((int) (options.seed() ^ (options.seed() >>> 32)) & Integer.MAX_VALUE);
        if (options.workers() > 1 && options.params().getBoolean("deterministic", false)) p.setInterleaveSearch(true);
        if (m.fixedNode != null || lightPresolve) {
            // Sub-models of the neighbourhood search: with CP-SAT's symmetry detection and probing on, most
            // steps that freed a task's placements ended in presolve without even reporting the complete
            // hint; without them every step answers, and 20 s runs from medag improved 1.3-6.5 % instead of
            // 1.3-1.8 % (docs/cpsat.md). Switching presolve off as well helped too but overran the limit.
            // Whole models that took over a second to build get the same: symmetry detection alone took 2.5 s
            // of presolve on a 1057-layer model, past the stop (neither phase looks at it).
            p.setSymmetryLevel(0);
            p.setCpModelProbingLevel(0);
        }
        if (options.params().getBoolean("fixToWarmStart", false)) p.setFixVariablesToTheirHintedValue(true);
        if (options.log()) {
            p.setLogSearchProgress(true);
            p.setLogToStdout(false);
            // Only the log callback (never with a best-bound callback: that combination crashes, docs/cpsat.md).
            solver.setLogCallback(System.err::println);
        }
        // Kept in a local that is used after solve(): the native side holds only a weak reference.
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                // The callback's own objectiveValue(): the solver's crashes the JVM inside a callback (docs/cpsat.md).
                onSolution.accept(m.ticks(objectiveValue()), m.boundTicks(bestObjectiveBound()));
            }
        };
        // Stops at endNanos, and as soon as the calling thread is interrupted (Ctrl-C, or bench abandoning a run).
        Thread caller = Thread.currentThread();
        final long end = endNanos;
        var stopper = STOPPER.scheduleAtFixedRate(() -> {
            if (caller.isInterrupted() || System.nanoTime() >= end) solver.stopSearch();
        }, 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
        CpSolverStatus st;
        try {
            st = solver.solve(m.cp, callback);
        } finally {
            stopper.cancel(false);
            io.edgesplit.solver.Interrupts.reinstall(); // the native solve resets SIGINT to its default action
        }
        Schedule schedule = null;
        Double bound = m.boundTicks(solver.bestObjectiveBound());
        switch (st) {
            case OPTIMAL, FEASIBLE -> schedule = m.extract(solver);
            case INFEASIBLE, UNKNOWN -> { }
            default -> throw new IllegalStateException("CP-SAT says " + st + " (a bug in the cpsat model): " + solver.getSolutionInfo());
        }
        java.lang.ref.Reference.reachabilityFence(callback); // the callback must outlive the native solve
        return new Run(st, schedule, bound, (System.nanoTime() - start) / 1e9);
    }

    static String weightNote(CpSatModel m) {
        return (m.exactWeights ? "" : "; weights rounded to multiples of 1e-6, optimal only for the rounded weights")
                + (m.weightScale > 1 && m.exactWeights ? "; weights scaled by " + m.weightScale : "");
    }

    static Long floor(Double bound) {
        return bound != null && Double.isFinite(bound) ? (long) Math.floor(bound + 1e-9) : null;
    }
}
