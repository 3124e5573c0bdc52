package io.edgesplit.validate;

import java.util.List;

/**
 * The validator's verdict: every violation found, and the objective recomputed from the schedule (null
 * when the answer has no schedule or the schedule is too broken to evaluate).
 */
public record ValidationReport(List<Violation> violations, Double objectiveTicks, Double objectiveSeconds) {
    public ValidationReport {
        violations = List.copyOf(violations);
    }

    public boolean valid() { return violations.isEmpty(); }

    public String summary() {
        if (valid()) return "valid";
        StringBuilder sb = new StringBuilder(violations.size() + " violation(s):");
        for (Violation v : violations) sb.append("\n  ").append(v);
        return sb.toString();
    }
}
