package io.edgesplit.solver;

import io.edgesplit.solution.Schedule;

import java.util.Map;

/**
 * What every backend accepts.
 *
 * @param timeLimitSeconds the wall-clock budget
 * @param seed             for every random choice; same seed, same answer
 * @param workers          threads an exact backend may use (set explicitly: CP-SAT is tuned for 8+)
 * @param warmStart        a schedule to start from or to bound with (e.g. from another backend), or null
 * @param params           backend-specific parameters, already checked against {@link Solver#parameters()}
 * @param log              whether the backend may print its own search log (to stderr)
 */
public record SolveOptions(double timeLimitSeconds, long seed, int workers, Schedule warmStart, Params params, boolean log) {
    public SolveOptions {
        if (Limits.timeLimitProblem(timeLimitSeconds) != null) throw new IllegalArgumentException("time limit: " + Limits.timeLimitProblem(timeLimitSeconds));
        if (Limits.workersProblem(workers) != null) throw new IllegalArgumentException("workers: " + Limits.workersProblem(workers));
        if (params == null) params = Params.EMPTY;
    }

    public static SolveOptions defaults() { return new SolveOptions(10, 1, 1, null, Params.EMPTY, false); }

    public SolveOptions withTimeLimit(double s) { return new SolveOptions(s, seed, workers, warmStart, params, log); }

    public SolveOptions withSeed(long s) { return new SolveOptions(timeLimitSeconds, s, workers, warmStart, params, log); }

    public SolveOptions withWorkers(int w) { return new SolveOptions(timeLimitSeconds, seed, w, warmStart, params, log); }

    public SolveOptions withWarmStart(Schedule w) { return new SolveOptions(timeLimitSeconds, seed, workers, w, params, log); }

    public SolveOptions withParams(Map<String, Object> p) { return new SolveOptions(timeLimitSeconds, seed, workers, warmStart, new Params(p), log); }

    /** The wall-clock instant (System.nanoTime) by which the solve must end, from {@code startNanos}. */
    public long deadlineNanos(long startNanos) { return startNanos + (long) (timeLimitSeconds * 1e9); }
}
