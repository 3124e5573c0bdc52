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

    /** Solves one model for at most {@code seconds}, hinted with {@code hint} when not null. */
    static Run run(CpSatModel m, SolveOptions options, double seconds, Schedule hint, OnSolution onSolution) {
        long start = System.nanoTime();
        if (hint != null) m.hint(hint);
        CpSolver solver = new CpSolver();
        SatParameters.Builder p = solver.getParameters();
        p.setMaxTimeInSeconds(Math.max(0.01, seconds));
        p.setNumWorkers(options.workers());
        p.setRandomSeed((int) (options.seed() ^ (options.seed() >>> 32)) & Integer.MAX_VALUE);
        if (options.workers() > 1 && options.params().getBoolean("deterministic", false)) p.setInterleaveSearch(true);
        if (m.fixedNode != null) {
            // Sub-models of the neighbourhood search: with CP-SAT's symmetry detection and probing on, most
            // steps that freed a task's placements ended in presolve without even reporting the complete
            // hint; without them every step answers, and 20 s runs from medag improved 1.3-6.5 % instead of
            // 1.3-1.8 % (docs/cpsat.md). Switching presolve off as well helped too but overran the limit.
            p.setSymmetryLevel(0);
            p.setCpModelProbingLevel(0);
        }
        if (options.params().getBoolean("fixToWarmStart", false)) p.setFixVariablesToTheirHintedValue(true);
        if (options.log()) {
            p.setLogSearchProgress(true);
            p.setLogToStdout(false);
            // Only the log callback (never with a best-bound callback: that combination crashes, SPEC 5).
            solver.setLogCallback(System.err::println);
        }
        // Kept in a local that is used after solve(): the native side holds only a weak reference.
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                // The callback's own objectiveValue(): the solver's crashes the JVM inside a callback (SPEC 5).
                onSolution.accept(m.ticks(objectiveValue()), m.boundTicks(bestObjectiveBound()));
            }
        };
        var stopper = STOPPER.schedule(solver::stopSearch, (long) (Math.max(0.01, seconds) * 1e9) + 20_000_000L,
                java.util.concurrent.TimeUnit.NANOSECONDS);
        CpSolverStatus st;
        try {
            st = solver.solve(m.cp, callback);
        } finally {
            stopper.cancel(false);
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
