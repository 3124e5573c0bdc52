package io.edgesplit.jmh;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The fixed costs around every solve: reading an instance file ({@link InstanceJson#read}: strict JSON,
 * zoo references, every path-aware check), tick compilation ({@link Instance#compile}: the semantic
 * checks of docs/model.md §1 and the conversion to integer ticks of 1.2), and the validator
 * ({@link Validator#validate}: every constraint of 1.4) on a valid solution of a fixed plan. A generated
 * instance is written to a temporary file first, so loading measures the same reader a dataset goes
 * through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CoreBench {
    @Param({"gen:t100-n8", "gen:t1600-n8"})
    public String instance;

    private Path file;
    private boolean temporary;
    private Instance in;
    private CompiledInstance ci;
    private Solution solution;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        in = InstanceSpec.load(instance);
        ci = in.compile();
        if (instance.startsWith("gen:")) {
            file = Files.createTempFile("edgesplit-jmh-", ".json");
            temporary = true;
            InstanceJson.write(in, file);
        } else {
            file = Path.of(instance);
        }
        solution = ScheduleBuilder.build(ci, Plans.singleSplit(ci, 1)).toSolution(ci, "plan", Status.FEASIBLE, null, null);
        ValidationReport v = Validator.validate(ci, solution);
        if (!v.valid()) throw new IllegalStateException("the plan's schedule is invalid: " + v.summary());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (temporary) Files.deleteIfExists(file);
    }

    @Benchmark
    public Instance load() { return InstanceJson.read(file); }

    @Benchmark
    public CompiledInstance compile() { return in.compile(); }

    @Benchmark
    public ValidationReport validate() { return Validator.validate(ci, solution); }
}
