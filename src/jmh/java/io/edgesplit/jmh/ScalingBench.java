package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

import java.util.concurrent.TimeUnit;

/**
 * How the fast backends' time per solve grows with the instance: generated instances
 * ({@link GeneratedInstances}) of {@code size} = {@code t<tasks>-n<nodes>}, by default 50 → 1600 tasks on
 * 8 nodes plus 200 tasks on 4, 16 and 32 nodes. {@link ScalingReport} fits the growth exponent from the
 * JSON result. Quality is recorded as the objective only: the gap between backends at each size follows
 * from the objectives of the same run (the report shows it), which spares every fork a solve by every
 * backend on a 1600-task instance.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScalingBench {
    @Param({"local", "medag", "decoupled", "edge-only", "neurosurgeon", "heft"})
    public String backend;

    @Param({"t50-n8", "t100-n8", "t200-n8", "t400-n8", "t800-n8", "t1600-n8", "t200-n4", "t200-n16", "t200-n32"})
    public String size;

    @Param("60")
    public double timeLimit;

    private Solver solver;
    private CompiledInstance ci;
    private SolveOptions options;
    private String instance;

    @Setup(Level.Trial)
    public void setUp() {
        Backends.Spec spec = Backends.Spec.parse(backend);
        solver = spec.solver();
        instance = "gen:" + size;
        ci = InstanceSpec.load(instance).compile();
        options = spec.options(timeLimit, 1);
        // No trial solve here (unlike SolveBench): at 1600 tasks one solve can take seconds, and the measured
        // solves check validity themselves.
        System.out.printf("%n[edgesplit] %s on %s: %d tasks, %d layers, %d nodes%n",
                backend, instance, ci.taskCount(), ci.totalLayers(), ci.nodeCount());
    }

    @Benchmark
    public Outcome solve(ObjectiveCounter quality) {
        Outcome o = CheckedSolve.run(solver, ci, options);
        Checks.requireSchedule(o, backend, instance);
        quality.add(o.report().objectiveSeconds());
        return o;
    }

    /** The objective per solve as an EVENTS counter, normalised like {@link Quality}'s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class ObjectiveCounter {
        private final PerSolveCounter objective = new PerSolveCounter();

        @Setup(Level.Iteration)
        public void startIteration(BenchmarkParams benchmark, IterationParams iteration) {
            objective.start(benchmark, iteration);
        }

        void add(double seconds) { objective.add(seconds); }

        /** Mean objective per solve, in seconds. */
        public double objective() { return objective.value(); }
    }
}
