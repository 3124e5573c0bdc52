package io.edgesplit.schedule;

import io.edgesplit.solution.Schedule;

import java.util.List;

/**
 * What {@link DynamicPrescheduler} returns for a plan (SPEC 4.2): the complete schedule, every task's
 * completion C_t (SPEC 1.4.7) and every node's queue/idle profile.
 *
 * @param schedule    a complete schedule that satisfies every constraint of SPEC 1.4
 * @param completions C_t per task, in ticks (do not modify)
 * @param objective   the instance's objective over {@code completions}, in ticks
 * @param nodes       one profile per node, by node index
 */
public record Preschedule(Schedule schedule, long[] completions, double objective, List<NodeProfile> nodes) {
    public Preschedule {
        nodes = List.copyOf(nodes);
    }

    /** C_t of one task. */
    public long completion(int task) { return completions[task]; }

    /** Σ C_t: the tie-breaker heuristics use when the makespan does not move. */
    public long completionSum() {
        long s = 0;
        for (long c : completions) s += c;
        return s;
    }

    /**
     * One node's two-stage pipeline after prescheduling. The busy intervals of each stage are sorted by
     * start, disjoint, and name the task that occupies them (zero-tick work occupies nothing and is not
     * listed). Under contention {@code none} transfers occupy no stage and the ingress arrays are empty.
     * Arrays are shared, do not modify.
     *
     * @param computeStart   stage 2 (compute) busy intervals: starts
     * @param computeEnd     their ends
     * @param computeTask    their tasks
     * @param ingressStart   stage 1 (ingress, receiving tensors) busy intervals: starts
     * @param ingressEnd     their ends
     * @param ingressTask    their tasks
     * @param queueTicks     Σ over the subtasks run here of (start − the time their data and the node's
     *                       availableAt allowed): time spent waiting in this node's queue
     * @param idleTicks      time the compute stage stood idle between availableAt and its last end
     *                       (pipeline stalls: no subtask had its data yet)
     * @param lastEnd        end of the last compute on the node, or its availableAt when it computes nothing
     */
    public record NodeProfile(int node, long[] computeStart, long[] computeEnd, int[] computeTask,
                              long[] ingressStart, long[] ingressEnd, int[] ingressTask,
                              long queueTicks, long idleTicks, long lastEnd) {
        /** Total busy ticks of the compute stage. */
        public long busyTicks() {
            long s = 0;
            for (int i = 0; i < computeStart.length; i++) s += computeEnd[i] - computeStart[i];
            return s;
        }
    }
}
