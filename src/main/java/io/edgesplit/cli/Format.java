package io.edgesplit.cli;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;

import java.util.Locale;

/** Human-readable one-line summaries for the terminal. */
final class Format {
    private Format() {}

    static String summary(CompiledInstance ci, Solution s, boolean valid) {
        StringBuilder sb = new StringBuilder();
        sb.append("status ").append(s.status());
        if (s.status().hasSchedule())
            sb.append(String.format(Locale.ROOT, "  %s %.6f s (%s ticks)", ci.objective().json(), s.objective(), num(s.objectiveTicks())));
        if (s.lowerBoundTicks() != null)
            sb.append(String.format(Locale.ROOT, "  bound %.6f s (%d ticks)", ci.seconds(s.lowerBoundTicks()), s.lowerBoundTicks()));
        if (s.wallSeconds() != null) sb.append(String.format(Locale.ROOT, "  wall %.3f s", s.wallSeconds()));
        if (s.status().hasSchedule()) sb.append(valid ? "  [valid]" : "  [INVALID]");
        if (s.message() != null) sb.append("  (").append(s.message()).append(')');
        return sb.toString();
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
