package io.edgesplit.dynamic;

import java.util.Arrays;
import java.util.List;

/**
 * Latency statistics of a set of requests (seconds). Percentiles are nearest-rank: p95 is the smallest
 * latency such that at least 95 % of requests are at or below it.
 */
public record LatencyStats(int count, double mean, double p50, double p95, double p99, double max, int deadlines, int missed) {
    public static LatencyStats of(List<RequestOutcome> requests) {
        double[] l = requests.stream().mapToDouble(RequestOutcome::latency).sorted().toArray();
        int deadlines = (int) requests.stream().filter(r -> !Double.isNaN(r.deadline())).count();
        int missed = (int) requests.stream().filter(RequestOutcome::missed).count();
        if (l.length == 0) return new LatencyStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, deadlines, missed);
        return new LatencyStats(l.length, Arrays.stream(l).average().orElse(Double.NaN), rank(l, 0.50), rank(l, 0.95),
                rank(l, 0.99), l[l.length - 1], deadlines, missed);
    }

    /** Nearest-rank percentile of sorted values. */
    public static double rank(double[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
    }

    public double missRate() { return deadlines == 0 ? Double.NaN : (double) missed / deadlines; }
}
