package io.edgesplit.bench;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How to run a suite.
 *
 * @param resultsRoot          results go to {@code resultsRoot/<suite>} (or {@code <suite>-shard-I-of-N} for a shard)
 * @param resume               skip the runs already in runs.csv
 * @param fresh                delete earlier results of this suite (or shard) first
 * @param shardIndex           1-based; with {@code shardCount} = 1 the whole suite
 * @param jobs                 runs at the same time (timings get noisier above the core count)
 * @param fork                 each run in a child JVM ({@link ForkedRun})
 * @param skipMissingBackends  skip configurations whose backend is not registered (with a warning) instead of failing
 * @param progressBar          a terminal progress bar; otherwise one plain line per finished run
 * @param report               build the report when the suite is done
 */
public record BenchOptions(Path resultsRoot, boolean resume, boolean fresh, int shardIndex, int shardCount, int jobs,
                           boolean fork, boolean skipMissingBackends, boolean progressBar, boolean report, PrintStream log) {
    public BenchOptions {
        if (shardCount < 1 || shardIndex < 1 || shardIndex > shardCount)
            throw new IllegalArgumentException("--shard: expected I/N with 1 <= I <= N, got " + shardIndex + "/" + shardCount);
        if (jobs < 1 || jobs > 1024) throw new IllegalArgumentException("--jobs: expected an integer in 1..1024, got " + jobs);
        if (resume && fresh) throw new IllegalArgumentException("--resume and --fresh exclude each other");
    }

    /** Plain defaults for tests and programmatic use: the whole suite, one job, in threads, no report. */
    public static BenchOptions defaults(Path resultsRoot, PrintStream log) {
        return new BenchOptions(resultsRoot, false, false, 1, 1, 1, false, false, false, false, log);
    }

    public BenchOptions withResume(boolean r) { return new BenchOptions(resultsRoot, r, fresh, shardIndex, shardCount, jobs, fork, skipMissingBackends, progressBar, report, log); }

    public BenchOptions withShard(int i, int n) { return new BenchOptions(resultsRoot, resume, fresh, i, n, jobs, fork, skipMissingBackends, progressBar, report, log); }

    public BenchOptions withJobs(int j) { return new BenchOptions(resultsRoot, resume, fresh, shardIndex, shardCount, j, fork, skipMissingBackends, progressBar, report, log); }

    public BenchOptions withFork(boolean f) { return new BenchOptions(resultsRoot, resume, fresh, shardIndex, shardCount, jobs, f, skipMissingBackends, progressBar, report, log); }

    public BenchOptions withReport(boolean r) { return new BenchOptions(resultsRoot, resume, fresh, shardIndex, shardCount, jobs, fork, skipMissingBackends, progressBar, r, log); }

    public BenchOptions withSkipMissingBackends(boolean s) { return new BenchOptions(resultsRoot, resume, fresh, shardIndex, shardCount, jobs, fork, s, progressBar, report, log); }

    /** The folder of this suite's (or shard's) results. */
    public Path resultsDir(String suite) {
        Path dir = resultsRoot.resolve(shardCount == 1 ? suite : suite + "-shard-" + shardIndex + "-of-" + shardCount);
        // Whatever the suite's name, the runner writes and deletes only below the results root.
        return io.edgesplit.io.OutputGuard.inside(resultsRoot, dir, "the results folder of suite \"" + suite + "\",");
    }
}
