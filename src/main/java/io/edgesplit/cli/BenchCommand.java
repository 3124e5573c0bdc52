package io.edgesplit.cli;

import io.edgesplit.bench.BenchOptions;
import io.edgesplit.bench.BenchRunner;
import io.edgesplit.bench.Suite;
import io.edgesplit.bench.SuiteReader;
import io.edgesplit.report.Report;
import io.edgesplit.solver.SolverRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark suite (benchmarks/*.json): every run validated, time-limited and appended "
        + "to results/<suite>/runs.csv as it ends; then the report.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SUITE", description = "suite file, e.g. benchmarks/quick.json")
    Path suiteFile;
    @Option(names = "--resume", description = "skip the runs already in runs.csv (after an interruption)")
    boolean resume;
    @Option(names = "--fresh", description = "delete this suite's earlier results first")
    boolean fresh;
    @Option(names = "--shard", paramLabel = "I/N", description = "run only the I-th of N deterministic slices (1-based); results go to results/<suite>-shard-I-of-N")
    String shard;
    @Option(names = "--jobs", paramLabel = "K", defaultValue = "1", description = "runs at the same time (default 1; more than the core count makes timings noisy)")
    int jobs;
    @Option(names = "--fork", description = "run each run in a child JVM, so a native crash or a hang costs one run")
    boolean fork;
    @Option(names = "--skip-missing-backends", description = "skip configurations whose backend is not registered (warning) instead of failing")
    boolean skipMissing;
    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "results root (default: results)")
    Path results;
    @Option(names = "--no-report", description = "do not build the report at the end")
    boolean noReport;
    @Option(names = "--no-progress-bar", description = "plain progress lines even on a terminal")
    boolean noBar;

    @Override
    public Integer call() throws Exception {
        int si = 1, sn = 1;
        if (shard != null) {
            String[] p = shard.split("/");
            try {
                if (p.length != 2) throw new NumberFormatException();
                si = Integer.parseInt(p[0].trim());
                sn = Integer.parseInt(p[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--shard: expected I/N, e.g. 2/8, got \"" + shard + "\"");
            }
        }
        if (io.edgesplit.dynamic.suite.SimSuiteReader.isSimulation(suiteFile)) { // "kind": "simulation" (docs/benchmarks.md, "Simulation suites")
            SimBench.refuseOfflineOptions(shard, jobs, fork, skipMissing);
            return SimBench.call(suiteFile, results, resume, fresh, !noReport, io.edgesplit.dynamic.suite.SimEngine.standard());
        }
        Suite suite = SuiteReader.read(suiteFile);
        BenchOptions opt = new BenchOptions(results, resume, fresh, si, sn, jobs, fork, skipMissing,
                System.console() != null && !noBar, !noReport, System.err);
        BenchRunner runner = new BenchRunner(suite, SolverRegistry.load(), opt);
        BenchRunner.Summary s = runner.run();
        System.out.println("suite " + suite.name() + ": " + s.planned() + " runs planned, " + s.skipped() + " already done, "
                + s.ran() + " run now " + s.byStatus() + "; results in " + s.resultsDir());
        if (s.interrupted()) {
            System.err.println("interrupted: the runs that ended are in " + s.resultsDir().resolve("runs.csv") + "; --resume finishes the suite");
            return io.edgesplit.solver.Interrupts.EXIT_CODE;
        }
        if (opt.report()) {
            Path out = s.resultsDir().resolve("report");
            Report.build(List.of(s.resultsDir()), out, Set.of("md", "csv", "html", "tex"), 12, System.err);
            System.out.println("report: " + out.resolve("summary.md") + " and " + out.resolve("report.html"));
        }
        return Main.OK;
    }
}
