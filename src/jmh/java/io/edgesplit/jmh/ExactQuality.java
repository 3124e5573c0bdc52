package io.edgesplit.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * {@link Quality}'s counters for time-limited exact solves, which may end without a schedule:
 * {@code found} and {@code optimal} are the shares (0..1) of solves that returned a schedule and that
 * proved optimality; {@code objective} and {@code gapPct} are means over the solves that found a schedule
 * (0 when none did). Normalised like Quality's (see {@link PerSolveCounter}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ExactQuality {
    private final PerSolveCounter objective = new PerSolveCounter();
    private final PerSolveCounter gap = new PerSolveCounter();
    private final PerSolveCounter optimal = new PerSolveCounter();
    private final PerSolveCounter found = new PerSolveCounter();
    private boolean hasReference;

    @Setup(Level.Iteration)
    public void startIteration(BenchmarkParams benchmark, IterationParams iteration) {
        objective.start(benchmark, iteration);
        gap.start(benchmark, iteration);
        optimal.start(benchmark, iteration);
        found.start(benchmark, iteration);
    }

    /** @param objectiveSeconds null when the solve returned no schedule */
    void record(Double objectiveSeconds, double referenceSeconds, boolean proved) {
        optimal.add(proved ? 1 : 0);
        found.add(objectiveSeconds == null ? 0 : 1);
        if (objectiveSeconds == null) return;
        objective.add(objectiveSeconds);
        if (referenceSeconds > 0) {
            hasReference = true;
            gap.add(100.0 * (objectiveSeconds - referenceSeconds) / referenceSeconds);
        }
    }

    public double objective() { return objective.value(); }

    public double gapPct() { return hasReference ? gap.value() : 0; }

    public double optimal() { return optimal.value(); }

    public double found() { return found.value(); }
}
