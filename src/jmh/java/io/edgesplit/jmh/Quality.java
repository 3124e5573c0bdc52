package io.edgesplit.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Solution quality as JMH secondary metrics, next to the time per solve: {@code objective} (seconds, the
 * validator's value) and {@code gapPct} (100 × (objective − reference) / reference, where the reference is
 * the best known objective, see {@link References}). Both are EVENTS counters normalised so that JMH's
 * score is the mean per solve (see {@link PerSolveCounter} for why and how). Every backend is
 * deterministic for a given seed, so in practice every solve of a trial has the same value and the error
 * columns are empty.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Quality {
    private final PerSolveCounter objective = new PerSolveCounter();
    private final PerSolveCounter gap = new PerSolveCounter();
    private boolean hasReference;

    @Setup(Level.Iteration)
    public void startIteration(BenchmarkParams benchmark, IterationParams iteration) {
        objective.start(benchmark, iteration);
        gap.start(benchmark, iteration);
    }

    /** Records one solve: its objective in seconds and the reference (NaN when there is none). */
    void record(double objectiveSeconds, double referenceSeconds) {
        objective.add(objectiveSeconds);
        if (referenceSeconds > 0) {
            hasReference = true;
            gap.add(100.0 * (objectiveSeconds - referenceSeconds) / referenceSeconds);
        }
    }

    /** Mean objective per solve, in seconds. */
    public double objective() { return objective.value(); }

    /** Mean gap per solve to the reference objective, in percent (0 when there is no reference). */
    public double gapPct() { return hasReference ? gap.value() : 0; }
}
