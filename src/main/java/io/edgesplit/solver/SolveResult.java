package io.edgesplit.solver;

import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;

import java.util.List;

/**
 * What a backend returns: a status, the schedule when there is one, the best proven bound, the anytime
 * trace. The objective is not the backend's to report: the caller recomputes it through the validator.
 *
 * @param lowerBoundTicks the best proven lower bound on the objective, or null
 * @param message         for ERROR, or a note
 */
public record SolveResult(Status status, Schedule schedule, Long lowerBoundTicks, List<TracePoint> trace, String message) {
    public SolveResult {
        trace = trace == null ? List.of() : List.copyOf(trace);
        if (status.hasSchedule() && schedule == null) throw new IllegalArgumentException(status + " needs a schedule");
        if (!status.hasSchedule() && schedule != null) throw new IllegalArgumentException(status + " carries no schedule");
    }

    public static SolveResult feasible(Schedule s) { return new SolveResult(Status.FEASIBLE, s, null, List.of(), null); }

    public static SolveResult feasible(Schedule s, List<TracePoint> trace) { return new SolveResult(Status.FEASIBLE, s, null, trace, null); }
}
