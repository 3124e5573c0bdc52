package io.edgesplit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.OutputGuard;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import io.edgesplit.validate.Violation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "solve", mixinStandardHelpOptions = true, description = "Solve one instance with one backend; the answer is validated before it is printed or written.")
final class SolveCommand implements Callable<Integer> {
    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance JSON (SPEC 2.1)")
    Path instance;

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
    @Option(names = "--out", paramLabel = "FILE", description = "write the solution JSON (SPEC 2.2)")
    Path out;
    @Option(names = "--gantt", paramLabel = "FILE", description = "draw the schedule as SVG")
    Path gantt;
    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;
    @Option(names = "--log", description = "let the backend print its search log on stderr")
    boolean log;

    @Override
    public Integer call() throws Exception {
        OutputGuard.check("--out", out, instance, which.config, warmStart);
        OutputGuard.check("--gantt", gantt, instance, which.config, warmStart);
        OutputGuard.distinct("--out", out, "--gantt", gantt);
        io.edgesplit.solver.Limits.checkOptions(timeLimit, workers);
        Instance in = InstanceJson.read(instance);
        CompiledInstance ci = in.compile();
        SolverConfig cfg = which.config != null ? SolverConfig.read(which.config) : SolverConfig.ofBackend(which.solver);
        if (timeLimit != null) cfg = cfg.withTimeLimit(timeLimit);
        if (seed != null) cfg = cfg.withSeed(seed);
        if (workers != null) cfg = cfg.withWorkers(workers);
        if (warmStartFrom != null) cfg = cfg.withWarmStartFrom(warmStartFrom);
        if (cfg.warmStarted() && warmStart != null)
            throw new IllegalArgumentException("--warm-start and --warm-start-from (or the configuration's warmStartFrom) exclude each other");
        SolverRegistry registry = SolverRegistry.load();
        Solver solver = registry.get(cfg.backend());
        if (cfg.warmStarted()) solver = new WarmStartChain(cfg.warmStartFrom().stream().map(registry::get).toList(), solver);
        SolveOptions options = cfg.options();
        if (log) options = new SolveOptions(options.timeLimitSeconds(), options.seed(), options.workers(), null, options.params(), true);
        if (warmStart != null) {
            Solution ws = SolutionJson.read(warmStart);
            ValidationReport r = Validator.validate(ci, ws);
            if (!r.valid() || !ws.status().hasSchedule())
                throw new InvalidInputException(warmStart.toString(), "", "the warm start is not a valid solution of this instance: "
                        + (ws.status().hasSchedule() ? r.violations().get(0) : "status " + ws.status()));
            options = options.withWarmStart(Schedule.fromSolution(ci, ws));
        }
        options.params().checkAgainst(solver.name(), solver.parameters());
        Outcome o = CheckedSolve.run(solver, ci, options);
        if (io.edgesplit.solver.Interrupts.requested()) { System.err.println("interrupted: nothing written"); return io.edgesplit.solver.Interrupts.EXIT_CODE; }
        Solution s = o.solution();
        if (json) {
            ObjectNode j = SolutionJson.toTree(s);
            j.put("valid", o.valid());
            j.put("workers", options.workers());
            if (!o.valid()) j.putArray("violations").addAll(o.report().violations().stream()
                    .map(v -> (com.fasterxml.jackson.databind.JsonNode) Json.MAPPER.getNodeFactory().textNode(v.toString())).toList());
            System.out.print(Json.pretty(j));
        } else {
            System.out.println(Format.summary(ci, s, o.valid()));
        }
        if (!o.valid()) {
            System.err.println("error: " + solver.name() + " returned an invalid schedule: " + o.report().violations().size() + " violation(s)");
            for (Violation v : o.report().violations().subList(0, Math.min(20, o.report().violations().size())))
                System.err.println("  " + v);
            return Main.NO;
        }
        GanttHook.writeTogether(ci, s, out, gantt);
        return s.status().hasSchedule() ? Main.OK : Main.NO;
    }
}
