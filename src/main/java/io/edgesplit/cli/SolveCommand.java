package io.edgesplit.cli;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.api.Options;
import io.edgesplit.api.Result;
import io.edgesplit.io.OutputGuard;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.validate.Violation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A thin shell over {@link EdgeSplit#solve}: options in, the facade's {@link Result} out. */
@Command(name = "solve", mixinStandardHelpOptions = true, description = "Solve one instance with one backend; the answer is validated before it is printed or written.")
final class SolveCommand implements Callable<Integer> {
    @Mixin
    InstanceOption instance;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
        @Option(names = "--solver", paramLabel = "NAME", description = "a registered backend (see `solvers`)")
        String solver;
        @Option(names = "--config", paramLabel = "FILE", description = "a solver configuration, e.g. solvers/cpsat.json")
        Path config;
    }

    @Option(names = "--time-limit", paramLabel = "S", description = "seconds (default: the configuration's, else 10)")
    Double timeLimit;
    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the configuration's, else 1)")
    Long seed;
    @Option(names = "--workers", paramLabel = "N", description = "solver threads (default: the configuration's, else 1)")
    Integer workers;
    @Option(names = "--warm-start", paramLabel = "FILE", description = "a solution to start from (e.g. another backend's)")
    Path warmStart;
    @Option(names = "--warm-start-from", paramLabel = "NAME[,NAME...]", split = ",", description = "run these backends first "
            + "(together within a fifth of the time limit) and start from the best answer; the run is timed as a whole")
    java.util.List<String> warmStartFrom;
    @Option(names = "--out", paramLabel = "FILE", description = "write the solution JSON (docs/formats.md §2)")
    Path out;
    @Option(names = "--gantt", paramLabel = "FILE", description = "draw the schedule as SVG")
    Path gantt;
    @Mixin
    JsonOutput output;
    @Option(names = "--log", description = "let the backend print its search log on stderr")
    boolean log;

    @Override
    public Integer call() throws Exception {
        OutputGuard.check("--out", out, instance.file, which.config, warmStart);
        OutputGuard.check("--gantt", gantt, instance.file, which.config, warmStart);
        OutputGuard.distinct("--out", out, "--gantt", gantt);
        io.edgesplit.solver.Limits.checkOptions(timeLimit, workers);
        Instance in = instance.read();
        SolverConfig cfg = which.config != null ? EdgeSplit.readConfig(which.config) : SolverConfig.ofBackend(which.solver);
        Options options = Options.from(cfg);
        if (timeLimit != null) options = options.timeLimit(timeLimit);
        if (seed != null) options = options.seed(seed);
        if (workers != null) options = options.workers(workers);
        if (warmStartFrom != null) options = options.warmStartFrom(warmStartFrom);
        if (!options.warmStartFrom().isEmpty() && warmStart != null)
            throw new IllegalArgumentException("--warm-start and --warm-start-from (or the configuration's warmStartFrom) exclude each other");
        if (log) options = options.log(true);
        if (warmStart != null) options = options.warmStart(EdgeSplit.readSolution(warmStart));
        Result r;
        try {
            r = EdgeSplit.solve(in, cfg.backend(), options);
        } catch (InvalidInputException e) {
            // The facade rejects a warm start that does not fit the instance; here that warm start is a file.
            if (warmStart != null && e.file() == null && e.problem().startsWith("the warm start")) throw e.inFile(warmStart.toString());
            throw e;
        }
        if (io.edgesplit.solver.Interrupts.requested()) { System.err.println("interrupted: nothing written"); return io.edgesplit.solver.Interrupts.EXIT_CODE; }
        System.out.print(output.json ? r.toJson() : r.summary() + System.lineSeparator());
        if (!r.valid()) {
            System.err.println("error: " + r.backend() + " returned an invalid schedule: " + r.violations().size() + " violation(s)");
            for (Violation v : r.violations().subList(0, Math.min(20, r.violations().size())))
                System.err.println("  " + v);
            return Main.NO;
        }
        // The solution and its chart are written together, or neither (docs/formats.md §6).
        GanttHook.writeTogether(in.compile(), r.solution(), out, gantt);
        return r.hasSchedule() ? Main.OK : Main.NO;
    }
}
