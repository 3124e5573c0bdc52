package io.edgesplit.solver;

/**
 * The ranges of the common solve options (docs/formats.md, "Numeric ranges"), checked where they are read
 * (a configuration file, a suite, a command-line option) so that a message can name its source, and again
 * by {@link SolveOptions} for callers of the API. The time limit's upper end keeps every nanosecond
 * deadline far from overflowing a long (1e6 s is 1e15 ns; a long holds 9.2e18).
 */
public final class Limits {
    private Limits() {}

    /** 1,000,000 s, about 11.6 days. */
    public static final double MAX_TIME_LIMIT_SECONDS = 1_000_000;
    public static final int MAX_WORKERS = 1024;

    /** Null when the time limit is acceptable, else what was expected. */
    public static String timeLimitProblem(double seconds) {
        return seconds > 0 && seconds <= MAX_TIME_LIMIT_SECONDS ? null
                : "expected a number of seconds > 0 and at most 1000000 (about 11.6 days), got " + seconds;
    }

    /** Null when the worker count is acceptable, else what was expected. */
    public static String workersProblem(long workers) {
        return workers >= 1 && workers <= MAX_WORKERS ? null : "expected an integer in 1.." + MAX_WORKERS + ", got " + workers;
    }

    /** Checks the command-line options {@code --time-limit} and {@code --workers} (either may be null). */
    public static void checkOptions(Double timeLimit, Integer workers) {
        if (timeLimit != null && timeLimitProblem(timeLimit) != null)
            throw new IllegalArgumentException("--time-limit: " + timeLimitProblem(timeLimit));
        if (workers != null && workersProblem(workers) != null)
            throw new IllegalArgumentException("--workers: " + workersProblem(workers));
    }
}
