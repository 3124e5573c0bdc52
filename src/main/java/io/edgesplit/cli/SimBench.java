package io.edgesplit.cli;

import io.edgesplit.dynamic.suite.SimEngine;
import io.edgesplit.dynamic.suite.SimRunner;
import io.edgesplit.dynamic.suite.SimSuite;
import io.edgesplit.dynamic.suite.SimSuiteReader;
import io.edgesplit.report.SimulationReport;
import io.edgesplit.solver.SolverRegistry;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench} on a simulation suite ({@code "kind": "simulation"}, docs/benchmarks.md, "Simulation suites"):
 * runs it with {@link SimRunner}, then writes the simulation report. Kept apart from {@link BenchCommand}, which
 * only dispatches here, so the offline path is unchanged.
 */
final class SimBench {
    private SimBench() {}

    static int call(Path suiteFile, Path results, boolean resume, boolean fresh, boolean report, SimEngine engine) throws Exception {
        SimSuite suite = SimSuiteReader.read(suiteFile);
        SimRunner.Summary s = new SimRunner(suite, engine, SolverRegistry.load(), new SimRunner.Options(results, resume, fresh, System.err)).run();
        System.out.println("simulation suite " + suite.name() + ": " + s.planned() + " runs planned, " + s.skipped() + " already done, "
                + s.ran() + " run now " + s.byStatus() + "; results in " + s.resultsDir());
        if (s.interrupted()) {
            System.err.println("interrupted: the runs that ended are in " + s.resultsDir().resolve("sim-runs.csv") + "; --resume finishes the suite");
            return io.edgesplit.solver.Interrupts.EXIT_CODE;
        }
        if (report) {
            Path out = s.resultsDir().resolve("report");
            SimulationReport.build(List.of(s.resultsDir()), out, System.err);
            System.out.println("report: " + out.resolve("simulation.md"));
        }
        return Main.OK;
    }

    /** The offline runner's options that a simulation suite does not take (simulations run one at a time, in this JVM). */
    static void refuseOfflineOptions(String shard, int jobs, boolean fork, boolean skipMissing) {
        if (shard != null || jobs != 1 || fork || skipMissing)
            throw new IllegalArgumentException("--shard, --jobs, --fork and --skip-missing-backends are for offline suites; "
                    + "a simulation suite runs its simulations one at a time (decision times are part of the result)");
    }
}
