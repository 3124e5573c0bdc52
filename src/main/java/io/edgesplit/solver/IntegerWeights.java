package io.edgesplit.solver;

import io.edgesplit.model.CompiledInstance;

/**
 * The one rule by which an integer backend (CP-SAT, Choco) turns total-latency weights into integers: the
 * smallest power of ten up to 10^6 that makes every weight an integer (within 1e-9 relative), so the integer
 * objective is the true one times {@code scale}. Weights that need more decimals are rounded to multiples of
 * 10^-6 ({@code exact == false}): a proof then holds only for the rounded weights, so a backend reports
 * {@code FEASIBLE} instead of {@code OPTIMAL} and no bound, and says so in its message (docs/model.md §5).
 *
 * @param scale   the factor every weight was multiplied by (1 for the makespan)
 * @param weights per task, {@code round(weight × scale)}
 * @param exact   whether {@code weights[t] == weight_t × scale} for every task
 */
public record IntegerWeights(long scale, long[] weights, boolean exact) {
    static final long MAX_SCALE = 1_000_000;

    public IntegerWeights {
        weights = weights.clone();
    }

    @Override
    public long[] weights() { return weights.clone(); }

    /** One task's integer weight. */
    public long weight(int task) { return weights[task]; }

    public static IntegerWeights of(CompiledInstance ci) {
        int n = ci.taskCount();
        long[] w = new long[n];
        for (long k = 1; k <= MAX_SCALE; k *= 10) {
            boolean ok = true;
            for (int t = 0; t < n && ok; t++) {
                double x = ci.weight(t) * k;
                ok = Math.abs(x - Math.rint(x)) <= 1e-9 * Math.max(1, Math.abs(x));
            }
            if (ok) {
                for (int t = 0; t < n; t++) w[t] = Math.round(ci.weight(t) * k);
                return new IntegerWeights(k, w, true);
            }
        }
        for (int t = 0; t < n; t++) w[t] = Math.round(ci.weight(t) * MAX_SCALE);
        return new IntegerWeights(MAX_SCALE, w, false);
    }

    /** The note a backend adds to its message. */
    public String note() {
        if (!exact) return "weights rounded to multiples of 1e-6, optimal only for the rounded weights";
        return scale > 1 ? "weights scaled by " + scale : "";
    }
}
