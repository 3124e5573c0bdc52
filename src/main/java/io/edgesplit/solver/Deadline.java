package io.edgesplit.solver;

/**
 * The one test a backend makes of its time (docs/benchmarks.md, "Deadlines"): the limit is the wall time
 * from the call to the answer, and a run is also over when its thread is interrupted (Ctrl-C, or bench
 * giving up on it), so an abandoned run stops using its core.
 */
public final class Deadline {
    private Deadline() {}

    /** Whether {@code deadlineNanos} (System.nanoTime) has passed or the current thread was interrupted. */
    public static boolean passed(long deadlineNanos) {
        return System.nanoTime() - deadlineNanos >= 0 || Thread.currentThread().isInterrupted();
    }

    /** Seconds left before {@code deadlineNanos}; 0 when the current thread was interrupted. */
    public static double secondsLeft(long deadlineNanos) {
        return Thread.currentThread().isInterrupted() ? 0 : (deadlineNanos - System.nanoTime()) / 1e9;
    }
}
