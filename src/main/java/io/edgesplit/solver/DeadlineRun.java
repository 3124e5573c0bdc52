package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The time limit as a deadline (docs/benchmarks.md, "Deadlines"): the wall time from the call of
 * {@link CheckedSolve#run} to its validated answer. The backend gets the limit minus a reserve for turning
 * its schedule into a solution and validating it (both linear in the layers), runs in its own thread, and
 * is waited for until that reduced limit plus {@link #SLACK_SECONDS}. A backend still running then is
 * interrupted (backends that test {@link Deadline#passed} stop and answer at once) and, if it has not
 * answered {@link #STOP_SECONDS} later, abandoned: the answer is an {@code ERROR} whose message starts with
 * {@code "timeout: "} (bench records it as {@code TIMEOUT}), never an answer long after the limit.
 */
final class DeadlineRun {
    private DeadlineRun() {}

    /** How far past its (reduced) limit a backend may answer before it is interrupted. */
    static final double SLACK_SECONDS = 0.1;
    /** How long an interrupted backend has to answer. */
    static final double STOP_SECONDS = 0.05;

    /** No answer within the limit. */
    static final class NoAnswer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        NoAnswer(String m) { super(m, null, false, false); }
    }

    /** Seconds kept back for building the solution and validating it: measured about 1 µs a layer, doubled. */
    static double reserveSeconds(CompiledInstance ci, double limit) {
        return Math.min(limit / 2, 0.005 + 2e-6 * ci.totalLayers());
    }

    static SolveResult solve(Solver solver, CompiledInstance ci, SolveOptions options, long t0) {
        double limit = options.timeLimitSeconds();
        double inner = limit - reserveSeconds(ci, limit);
        SolveOptions o = options.withTimeLimit(inner);
        FutureTask<SolveResult> task = new FutureTask<>(() -> solver.solve(ci, o));
        Thread th = new Thread(task, "solve-" + solver.name());
        th.setDaemon(true); // an abandoned backend must not keep the JVM alive
        th.start();
        long waitUntil = t0 + (long) ((inner + SLACK_SECONDS) * 1e9);
        try {
            try {
                return task.get(Math.max(0, waitUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                th.interrupt();
                try {
                    return task.get((long) (STOP_SECONDS * 1e9), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e2) {
                    task.cancel(true);
                    throw new NoAnswer(String.format(java.util.Locale.ROOT,
                            "timeout: no answer within the %.3g s limit; the backend was interrupted and abandoned", limit));
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C (Interrupts) or bench giving up: stop the backend too, then report it.
            th.interrupt();
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted: the backend was stopped");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof VirtualMachineError err) throw err; // out of memory, stack overflow: as before
            if (c instanceof Error err) throw new IllegalStateException(err.toString(), err); // e.g. a native library: an ERROR answer, not a crash
            throw new IllegalStateException(c);
        }
    }
}
