package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Status;
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
 * The exact backends (cpsat, choco), one solve per measurement (single-shot: a solve takes up to its
 * time limit, so there is nothing to average within an iteration).
 * <ul>
 *   <li>{@code modelBuild}: a solve with a 1 ms limit. The backends build their whole model before
 *   they look at the clock, and CheckedSolve adds the validator, so this is the time to build and
 *   hand over the model (plus whatever the solver does before its first limit check); the solver's
 *   API gives no cleaner cut from outside the backend.</li>
 *   <li>{@code solve}: a solve with the {@code timeLimit} (short by default), with its quality:
 *   {@code found} (share of solves that returned a schedule), objective and gap to the reference over
 *   those solves, and {@code optimal} (share that proved optimality).</li>
 * </ul>
 * {@code workers} is the CP-SAT/Choco thread count (2 = this machine's cores).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ExactBench {
    @Param({"cpsat", "choco"})
    public String backend;

    @Param({"gen:t5-n4"})
    public String instance;

    @Param("2")
    public double timeLimit;

    @Param("2")
    public int workers;

    private Solver solver;
    private CompiledInstance ci;
    private SolveOptions options;
    private SolveOptions buildOnly;
    private double reference;

    @Setup(Level.Trial)
    public void setUp() {
        Backends.Spec spec = Backends.Spec.parse(backend);
        solver = spec.solver();
        if (!solver.exact())
            throw new Backends.Skipped("backend \"" + backend + "\" is not exact: measure it with SolveBench, skipped here");
        Instance in = InstanceSpec.load(instance);
        ci = in.compile();
        options = spec.options(timeLimit, workers);
        buildOnly = options.withTimeLimit(0.001);
        References.Reference ref = References.of(instance, in, ci, Backends.options(10, 1));
        reference = ref.seconds();
        System.out.printf("%n[edgesplit] %s on %s: %d tasks, %d layers, %d nodes; reference %.6f s from %s%n",
                backend, instance, ci.taskCount(), ci.totalLayers(), ci.nodeCount(), reference, ref.source());
    }

    @Benchmark
    public Outcome modelBuild() {
        Outcome o = CheckedSolve.run(solver, ci, buildOnly);
        if (!o.valid()) throw new IllegalStateException(backend + ": INVALID schedule: " + o.report().summary());
        return o;
    }

    @Benchmark
    public Outcome solve(ExactQuality quality) {
        Outcome o = CheckedSolve.run(solver, ci, options);
        if (!o.valid()) throw new IllegalStateException(backend + " on " + instance + ": INVALID schedule: " + o.report().summary());
        // A time-limited exact solve may end without a schedule (UNKNOWN): that is a result, not a failure.
        quality.record(o.report().objectiveSeconds(), reference, o.solution().status() == Status.OPTIMAL);
        return o;
    }
}
