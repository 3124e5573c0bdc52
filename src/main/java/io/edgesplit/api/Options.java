package io.edgesplit.api;

import io.edgesplit.io.SolverConfig;
import io.edgesplit.solution.Solution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a backend: the same settings as a solver configuration file (docs/formats.md, "Solver
 * configuration"), plus an optional warm start. Immutable; start from {@link #defaults()} and change what
 * you need:
 * <pre>{@code Options.defaults().timeLimit(5).seed(7).workers(2).param("k", 4)}</pre>
 *
 * @param timeLimitSeconds the wall-clock budget (default 10)
 * @param seed             for every random choice; same seed, same answer (default 1)
 * @param workers          threads an exact backend may use (default 1)
 * @param params           the backend's own parameters ({@link EdgeSplit#backends()} lists them); an unknown
 *                         key or a wrong type is an {@link IllegalArgumentException} naming the key
 * @param warmStartFrom    backends that run first, inside the same time limit, to give this one its warm start
 * @param warmStart        a solution to start from (it must be a valid solution of the instance), or null
 * @param log              whether the backend may print its own search log on stderr
 */
public record Options(double timeLimitSeconds, long seed, int workers, Map<String, Object> params,
                      List<String> warmStartFrom, Solution warmStart, boolean log) {
    public Options {
        // Bad values fail here, where the caller sets them, not inside a backend.
        if (!(timeLimitSeconds > 0) || !Double.isFinite(timeLimitSeconds))
            throw new IllegalArgumentException("time limit: expected a finite number of seconds > 0, got " + timeLimitSeconds);
        if (workers < 1) throw new IllegalArgumentException("workers: expected an integer >= 1, got " + workers);
        params = Map.copyOf(params == null ? Map.of() : params);
        warmStartFrom = warmStartFrom == null ? List.of() : List.copyOf(warmStartFrom);
    }

    /** 10 s, seed 1, one worker, the backend's default parameters, no warm start, no log. */
    public static Options defaults() {
        return new Options(SolverConfig.DEFAULT_TIME_LIMIT, 1, 1, Map.of(), List.of(), null, false);
    }

    /** The options a solver configuration file gives (its backend is {@link SolverConfig#backend()}). */
    public static Options from(SolverConfig cfg) {
        return new Options(cfg.timeLimitSeconds(), cfg.seed(), cfg.workers(), cfg.params(), cfg.warmStartFrom(), null, false);
    }

    public Options timeLimit(double seconds) { return new Options(seconds, seed, workers, params, warmStartFrom, warmStart, log); }

    public Options seed(long s) { return new Options(timeLimitSeconds, s, workers, params, warmStartFrom, warmStart, log); }

    public Options workers(int w) { return new Options(timeLimitSeconds, seed, w, params, warmStartFrom, warmStart, log); }

    /** One backend parameter added (or replaced). */
    public Options param(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new Options(timeLimitSeconds, seed, workers, p, warmStartFrom, warmStart, log);
    }

    /** Every backend parameter replaced by {@code p}. */
    public Options params(Map<String, Object> p) { return new Options(timeLimitSeconds, seed, workers, p, warmStartFrom, warmStart, log); }

    /** Run these backends first and start from their best answer (docs/formats.md, {@code warmStartFrom}). */
    public Options warmStartFrom(String... backends) { return warmStartFrom(List.of(backends)); }

    public Options warmStartFrom(List<String> backends) { return new Options(timeLimitSeconds, seed, workers, params, backends, warmStart, log); }

    /** Start from this solution (e.g. another backend's {@link Result#solution()}). */
    public Options warmStart(Solution s) { return new Options(timeLimitSeconds, seed, workers, params, warmStartFrom, s, log); }

    public Options log(boolean on) { return new Options(timeLimitSeconds, seed, workers, params, warmStartFrom, warmStart, on); }
}
