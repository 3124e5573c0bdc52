package io.edgesplit.jmh;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
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
import org.openjdk.jmh.annotations.Warmup;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

/**
 * The schedulers alone, on one fixed plan per instance ({@link Plans#singleSplit}): the schedule builder
 * every baseline uses ({@link ScheduleBuilder#build}, serial generation with insertion) and the seed
 * paper's dynamic prescheduler ({@code io.edgesplit.schedule.DynamicPrescheduler.run}, docs/medag.md §1), which
 * medag calls once per candidate plan, so its cost sets medag's. The prescheduler is looked up by name
 * at setup so this harness compiles on a branch where it has not landed; there it is skipped with a
 * message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PreschedulerBench {
    @Param({"gen:t100-n8", "gen:t400-n8", "gen:t1600-n8"})
    public String instance;

    CompiledInstance ci;
    int[][] plan;

    @Setup(Level.Trial)
    public void setUp() {
        ci = InstanceSpec.load(instance).compile();
        plan = Plans.singleSplit(ci, 1);
        Schedule s = ScheduleBuilder.build(ci, plan);
        ValidationReport v = Validator.validate(ci, s.toSolution(ci, "plan", Status.FEASIBLE, null, null));
        if (!v.valid()) throw new IllegalStateException("the schedule builder's output is invalid: " + v.summary());
    }

    @Benchmark
    public Schedule scheduleBuilder() {
        return ScheduleBuilder.build(ci, plan);
    }

    @Benchmark
    public Object dynamicPrescheduler(Prescheduler p) throws Throwable {
        return p.run.invoke(ci, plan);
    }

    /** {@code DynamicPrescheduler.run(CompiledInstance, int[][])}, when this build has it. */
    @State(Scope.Benchmark)
    public static class Prescheduler {
        MethodHandle run;

        @Setup(Level.Trial)
        public void find() {
            try {
                Class<?> c = Class.forName("io.edgesplit.schedule.DynamicPrescheduler");
                Class<?> result = Class.forName("io.edgesplit.schedule.Preschedule");
                run = MethodHandles.publicLookup().findStatic(c, "run",
                        MethodType.methodType(result, CompiledInstance.class, int[][].class));
            } catch (ReflectiveOperationException e) {
                throw new Backends.Skipped("io.edgesplit.schedule.DynamicPrescheduler is not in this build (the medag"
                        + " branch has not been merged), skipped: " + e);
            }
        }
    }
}
