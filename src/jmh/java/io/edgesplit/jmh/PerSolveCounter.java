package io.edgesplit.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The arithmetic behind the quality counters. JMH adds up an {@code EVENTS} counter over the measurement
 * iterations of every fork (and over threads) to make its score, because events are meant to be counts.
 * A solution's objective is not a count: we want its mean per solve. So each iteration reports the mean
 * over its own solves, divided by the number of iteration results JMH will add up (measurement
 * iterations × forks × threads); the sum JMH prints as the score is then exactly the mean per solve. In
 * warm-up iterations (never part of the score) the value is left undivided, so the console shows the
 * plain per-solve value there.
 */
final class PerSolveCounter {
    private double sum;
    private long count;
    private double scale = 1;

    /** Starts an iteration. */
    void start(BenchmarkParams benchmark, IterationParams iteration) {
        sum = 0;
        count = 0;
        if (iteration.getType() == IterationType.MEASUREMENT) {
            int forks = Math.max(1, benchmark.getForks()); // 0 forks = run in the host JVM, one result set
            scale = 1.0 / ((double) benchmark.getMeasurement().getCount() * forks * Math.max(1, benchmark.getThreads()));
        } else {
            scale = 1;
        }
    }

    void add(double value) {
        sum += value;
        count++;
    }

    /** This iteration's share of the per-solve mean (see the class comment). */
    double value() { return count == 0 ? 0 : sum / count * scale; }
}
