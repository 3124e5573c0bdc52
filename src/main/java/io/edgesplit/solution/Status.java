package io.edgesplit.solution;

/** The answer of a solve (docs/formats.md §2). */
public enum Status {
    /** A solution proven optimal. */
    OPTIMAL,
    /** A solution, not proven optimal. */
    FEASIBLE,
    /** Proven to have no solution. */
    INFEASIBLE,
    /** No solution found within the limit, nothing proven. */
    UNKNOWN,
    /** The backend failed (the message says why). */
    ERROR;

    /** Whether a solution with a schedule accompanies this status. */
    public boolean hasSchedule() { return this == OPTIMAL || this == FEASIBLE; }
}
