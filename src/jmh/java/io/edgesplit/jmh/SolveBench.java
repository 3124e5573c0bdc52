package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Each heuristic or baseline backend end to end, as a user gets it: {@link CheckedSolve#run} (parameter
 * check, solve, conversion to a solution, the validator). Primary metric: time per solve. Secondary
 * metrics ({@link Quality}): the objective and the gap to the reference. A solve that is not valid, or
 * has no schedule, fails the benchmark for that parameter set, so a fast wrong answer can never look good.
 *
 * <p>Parameters: {@code backend} (a registered name; others are skipped with a message),
 * {@code instance} (see {@link InstanceSpec}), {@code timeLimit} (seconds given to the backend),
 * the backend's own parameters go into the backend name ({@link Backends.Spec}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SolveBench {
    @Param({"local", "medag", "decoupled", "edge-only", "neurosurgeon", "heft", "random"})
    public String backend;

    @Param({"gen:t20-n6", "gen:t100-n12"})
    public String instance;

    @Param("30")
    public double timeLimit;

    private Solver solver;
    private CompiledInstance ci;
    private SolveOptions options;
    private double reference;

    @Setup(Level.Trial)
    public void setUp() {
        Backends.Spec spec = Backends.Spec.parse(backend);
        solver = spec.solver();
        if (solver.exact())
            throw new Backends.Skipped("backend \"" + backend + "\" is exact: measure it with ExactBench (time-limited), skipped here");
        Instance in = InstanceSpec.load(instance);
        ci = in.compile();
        options = spec.options(timeLimit, 1);
        Outcome trial = CheckedSolve.run(solver, ci, options); // fail fast and clearly before JMH starts timing
        Checks.requireSchedule(trial, backend, instance);
        References.Reference ref = References.of(instance, in, ci, options);
        reference = ref.seconds();
        System.out.printf("%n[edgesplit] %s on %s: %d tasks, %d layers, %d nodes; objective %.6f s, reference %.6f s from %s%n",
                backend, instance, ci.taskCount(), ci.totalLayers(), ci.nodeCount(),
                trial.report().objectiveSeconds(), reference, ref.source());
    }

    @Benchmark
    public Outcome solve(Quality quality) {
        Outcome o = CheckedSolve.run(solver, ci, options);
        Checks.requireSchedule(o, backend, instance);
        quality.record(o.report().objectiveSeconds(), reference);
        return o;
    }
}
