package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;
import io.edgesplit.solver.UnsupportedInstanceException;

/** The model's units: integer weights for total latency, and per-task horizons from the incumbent. */
final class Horizons {
    private Horizons() {}

    /**
     * Per task, the latest tick its items need: an optimal schedule exists among the semi-active ones (both
     * objectives are regular), in which no moment between the latest release/availableAt and the end is
     * idle, so every item ends by {@code maxRelease + Σ all durations}. The incumbent's objective bounds it
     * further: for the makespan every task ends by it; for total latency a task of weight w ends by
     * {@code release + UB / w} (the other terms are ≥ 0).
     */
    static long[] of(ChocoModel m, long ub) {
        CompiledInstance ci = m.ci;
        int T = m.T;
        long[] scaledWeight = m.scaledWeight;
        long base = 0;
        for (int t = 0; t < T; t++) base = Math.max(base, ci.release(t));
        for (int n = 0; n < ci.nodeCount(); n++) base = Math.max(base, ci.availableAt(n));
        long work = 0;
        for (int t = 0; t < T; t++) {
            m.checkTime();
            int L = ci.layerCount(t);
            for (int l = 0; l < L; l++) {
                long mp = 0;
                for (int n : ci.nodesFor(t, l)) mp = Math.max(mp, ci.proc(t, l, n));
                work += mp;
                // at most one transfer of each tensor into each node, plus the input's
                work += (long) ci.nodeCount() * maxTransfer(ci, t, l);
            }
            work += (long) ci.nodeCount() * maxTransfer(ci, t, -1);
        }
        long trivial = base + work;
        long[] h = new long[T];
        for (int t = 0; t < T; t++) {
            long bound = trivial;
            if (ci.objective() == Objective.MAKESPAN) bound = Math.min(bound, ub);
            else if (scaledWeight[t] > 0) bound = Math.min(bound, ci.release(t) + ub / scaledWeight[t]);
            if (bound > ChocoModel.INT_LIMIT)
                throw new UnsupportedInstanceException("choco: the schedule horizon of task " + ci.taskName(t) + " is "
                        + bound + " ticks, beyond the int range Choco works in (use a coarser timeUnit)");
            h[t] = bound;
        }
        return h;
    }

    private static long maxTransfer(CompiledInstance ci, int t, int tensor) {
        long m = 0;
        double bytes = ci.tensorBytes(t, tensor);
        for (int p = 0; p < ci.nodeCount(); p++)
            for (int q = 0; q < ci.nodeCount(); q++) if (p != q) m = Math.max(m, ci.transfer(bytes, p, q));
        return m;
    }
}
