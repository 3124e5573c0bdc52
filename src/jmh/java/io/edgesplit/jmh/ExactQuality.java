package io.edgesplit.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/** {@link Quality}'s counters plus {@code optimal}: the share of solves (0..1) that ended with a proof. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ExactQuality {
    private final PerSolveCounter objective = new PerSolveCounter();
    private final PerSolveCounter gap = new PerSolveCounter();
    private final PerSolveCounter optimal = new PerSolveCounter();
    private boolean hasReference;

    @Setup(Level.Iteration)
    public void startIteration(BenchmarkParams benchmark, IterationParams iteration) {
        objective.start(benchmark, iteration);
        gap.start(benchmark, iteration);
        optimal.start(benchmark, iteration);
    }

    void record(double objectiveSeconds, double referenceSeconds, boolean proved) {
        objective.add(objectiveSeconds);
        optimal.add(proved ? 1 : 0);
        if (referenceSeconds > 0) {
            hasReference = true;
            gap.add(100.0 * (objectiveSeconds - referenceSeconds) / referenceSeconds);
        }
    }

    public double objective() { return objective.value(); }

    public double gapPct() { return hasReference ? gap.value() : 0; }

    public double optimal() { return optimal.value(); }
}
