package io.edgesplit.api;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import io.edgesplit.zoo.ModelZoo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * edgesplit from Java in one class: build an instance ({@link #instance}, {@link #model}, {@link #zooModel}),
 * solve it with any registered backend ({@link #solve}, {@link #backends}), check a solution
 * ({@link #validate}), read and write the JSON files (docs/formats.md). The command line is a thin shell
 * over these methods, so both give the same answers. Examples: docs/api.md.
 *
 * <p>Errors: bad input (a file, a builder field, an unknown backend or parameter) is an
 * {@link InvalidInputException} or {@link IllegalArgumentException} whose message names the field; a
 * backend that fails or crashes gives a {@link Result} with status {@code ERROR}, never an exception.
 */
public final class EdgeSplit {
    private EdgeSplit() {}

    // ---- building

    /** A new instance named {@code name}; see {@link InstanceBuilder}. */
    public static InstanceBuilder instance(String name) { return new InstanceBuilder(name); }

    /** A new model whose input tensor has {@code inputBytes} bytes; see {@link ModelBuilder}. */
    public static ModelBuilder model(String name, double inputBytes) { return new ModelBuilder(name, inputBytes); }

    /** A model of the zoo (docs/zoo.md), e.g. {@code vgg5}, {@code resnet18}; IllegalArgumentException listing the names if unknown. */
    public static DnnModel zooModel(String name) { return ModelZoo.get(name); }

    /** The zoo's model names. */
    public static List<String> zooModels() { return ModelZoo.names(); }

    // ---- solving

    /** The registered backends (every {@code Solver} on the class path), by name. */
    public static List<Backend> backends() {
        return SolverRegistry.load().all().stream()
                .map(s -> new Backend(s.name(), s.description(), s.exact(), s.parameters())).toList();
    }

    /** Solves with the default options (10 s, seed 1, one worker). */
    public static Result solve(Instance instance, String backend) { return solve(instance, backend, Options.defaults()); }

    /** Solves as a solver configuration file says ({@link #readConfig}). */
    public static Result solve(Instance instance, SolverConfig config) { return solve(instance, config.backend(), Options.from(config)); }

    /**
     * Solves {@code instance} with the backend named {@code backend} and puts the answer through the
     * validator. The instance is checked first (the builder and reader have done so already; an instance
     * made otherwise is checked here).
     *
     * @throws IllegalArgumentException for an unknown backend (the message lists the registered ones) or
     *                                  parameter (it lists the accepted ones)
     * @throws InvalidInputException    for an invalid instance, or a warm start that is not a valid solution of it
     */
    public static Result solve(Instance instance, String backend, Options options) {
        CompiledInstance ci = instance.compile();
        SolverRegistry registry = SolverRegistry.load();
        Solver solver = registry.get(backend);
        if (!options.warmStartFrom().isEmpty()) {
            if (options.warmStart() != null)
                throw new IllegalArgumentException("a warm start and warmStartFrom exclude each other");
            solver = new WarmStartChain(options.warmStartFrom().stream().map(registry::get).toList(), solver);
        }
        SolveOptions so = new SolveOptions(options.timeLimitSeconds(), options.seed(), options.workers(), null,
                new Params(options.params()), options.log());
        if (options.warmStart() != null) {
            Solution ws = options.warmStart();
            ValidationReport r = Validator.validate(ci, ws);
            if (!r.valid() || !ws.status().hasSchedule())
                throw new InvalidInputException("", "the warm start is not a valid solution of this instance: "
                        + (ws.status().hasSchedule() ? r.violations().get(0) : "status " + ws.status()));
            so = so.withWarmStart(Schedule.fromSolution(ci, ws));
        }
        // Unknown parameters are the caller's mistake (IllegalArgumentException), checked before any solving.
        so.params().checkAgainst(solver.name(), solver.parameters());
        Outcome o = CheckedSolve.run(solver, ci, so);
        return new Result(ci, o.solution(), o.report(), o.trace(), so.workers());
    }

    // ---- checking

    /** Checks {@code solution} against every constraint of {@code instance} (docs/model.md) and recomputes its objective. */
    public static Validation validate(Instance instance, Solution solution) {
        CompiledInstance ci = instance.compile();
        ValidationReport r = Validator.validate(ci, solution);
        return new Validation(r.valid() && solution.status().hasSchedule(), solution.status(), r.objectiveSeconds(),
                r.objectiveTicks(), r.violations(), solution.message());
    }

    // ---- files (docs/formats.md)

    /** Reads an instance file, strictly; errors name the file and the JSON path. */
    public static Instance readInstance(Path file) { return InstanceJson.read(file); }

    /** Parses an instance from JSON text. */
    public static Instance parseInstance(String json) { return InstanceJson.parse(json); }

    /** The instance as JSON text (reading it back gives an equal instance). */
    public static String toJson(Instance instance) { return InstanceJson.write(instance); }

    /** Writes an instance file atomically. */
    public static void writeInstance(Instance instance, Path file) throws IOException { InstanceJson.write(instance, file); }

    /**
     * Reads a solution file: what {@link #writeSolution} writes, and also what {@link Result#toJson()} and
     * {@code solve --json} print (their extra {@code valid}, {@code workers} and {@code violations} are
     * informative; the validator recomputes them).
     */
    public static Solution readSolution(Path file) { return SolutionJson.read(file); }

    public static Solution parseSolution(String json) { return SolutionJson.parse(json); }

    public static String toJson(Solution solution) { return SolutionJson.write(solution); }

    /** Writes a solution file atomically. */
    public static void writeSolution(Solution solution, Path file) throws IOException { SolutionJson.write(solution, file); }

    /** Reads a solver configuration file ({@code solvers/*.json}); solve with it by {@link #solve(Instance, SolverConfig)}. */
    public static SolverConfig readConfig(Path file) { return SolverConfig.read(file); }
}
