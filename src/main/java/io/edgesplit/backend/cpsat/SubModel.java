package io.edgesplit.backend.cpsat;

import io.edgesplit.solution.Schedule;

/**
 * What one CP-SAT model covers, decided before it is built and never changed after: the whole instance, or a
 * neighbourhood of a known schedule (the neighbourhood search). The arrays are read, never written.
 *
 * @param fixedNode   [t] = the node of every layer of task t, or null where its placements are free (null: none fixed)
 * @param allowedNode [t][n]: for a task whose placements are free, the nodes it may use (null: all eligible ones)
 * @param modelled    [t]: whether task t has variables at all (null: every task). The others keep
 *                    {@code frozen}'s schedule and appear only as fixed intervals on the nodes (and ingresses)
 *                    the modelled tasks may use, so a step's model grows with its modelled tasks, not the instance
 * @param frozen      the schedule of the tasks that are not modelled (null when every task is)
 * @param upper       a known schedule the answer must be at least as good as, or null: the objective is cut at
 *                    its value and every task's time domain shrinks accordingly. No optimum is cut off: an
 *                    optimum is at least as good, every activity of a task ends by its completion, and a task's
 *                    completion is at most the makespan, or, for total latency, {@code release + ⌊UB / w⌋}
 */
record SubModel(int[][] fixedNode, boolean[][] allowedNode, boolean[] modelled,
                Schedule frozen, Schedule upper) {

    /** Every task, every placement free. */
    static SubModel whole() { return new SubModel(null, null, null, null, null); }

    /** Every task modelled, placements fixed where {@code fixedNode[t]} is not null. */
    static SubModel fixing(int[][] fixedNode) { return new SubModel(fixedNode, null, null, null, null); }

    /** Only the {@code modelled} tasks have variables; the rest keep {@code frozen}'s schedule. */
    static SubModel neighbourhood(int[][] fixedNode, boolean[][] allowedNode, boolean[] modelled, Schedule frozen) {
        return new SubModel(fixedNode, allowedNode, modelled, frozen, null);
    }

    /** The same scope, admitting only schedules at least as good as {@code known}. */
    SubModel boundedBy(Schedule known) { return new SubModel(fixedNode, allowedNode, modelled, frozen, known); }
}
