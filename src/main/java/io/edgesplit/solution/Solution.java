package io.edgesplit.solution;

import java.util.List;

/**
 * A solution file (docs/formats.md §2), by names. Answers without a schedule ({@code INFEASIBLE}, {@code UNKNOWN},
 * {@code ERROR}) have null objective fields and an empty task list; {@code ERROR} has a message. Any
 * other answer may carry the backend's note as {@code message} too (e.g. the worker count, how a warm start
 * was used): optional, informative, never needed to check the schedule.
 *
 * @param objectiveTicks  integral for makespan; may have decimals for total latency with fractional weights
 * @param lowerBoundTicks the best proven bound, or null
 */
public record Solution(String instance, String solver, Status status, Double objective, Double objectiveTicks,
                       Long lowerBoundTicks, Double wallSeconds, List<TaskSchedule> tasks, String message) {
    public Solution {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    public static Solution withoutSchedule(String instance, String solver, Status status, Long lowerBoundTicks,
                                           Double wallSeconds, String message) {
        if (status.hasSchedule()) throw new IllegalArgumentException(status + " needs a schedule");
        return new Solution(instance, solver, status, null, null, lowerBoundTicks, wallSeconds, List.of(), message);
    }

    public Solution withWallSeconds(double s) {
        return new Solution(instance, solver, status, objective, objectiveTicks, lowerBoundTicks, s, tasks, message);
    }

    public Solution withMessage(String m) {
        return new Solution(instance, solver, status, objective, objectiveTicks, lowerBoundTicks, wallSeconds, tasks, m);
    }
}
