package io.edgesplit.solver;

import io.edgesplit.solution.Solution;
import io.edgesplit.validate.ValidationReport;

import java.util.List;

/**
 * A checked solve: the solution as the backend claimed it (objective recomputed from its schedule), the
 * validator's report on it, and the anytime trace. Only a {@link #valid()} outcome may be reported or
 * counted as a result.
 */
public record Outcome(Solution solution, ValidationReport report, List<TracePoint> trace) {
    public Outcome {
        trace = List.copyOf(trace);
    }

    /** True when the answer has no schedule, or its schedule passed every check. */
    public boolean valid() { return report.valid(); }
}
