package io.edgesplit.backend.choco;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.DynamicPrescheduler;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.QueueEstimate;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.validate.Validator;

import java.util.List;
import java.util.function.Supplier;

/**
 * The schedules a choco solve starts from, made without Choco: the warm start when the validator accepts
 * it, and schedule-builder schedules (every layer on its fastest node; everything on the origin; the
 * fastest nodes in release order). There is always one, so a solve always has an answer.
 */
final class StartingSchedules {
    private StartingSchedules() {}

    /** The best of the warm start (if valid) and a few schedule-builder schedules. */
    static Schedule initialIncumbent(CompiledInstance ci, Schedule warm) {
        Schedule best = firstIncumbent(ci, warm);
        for (Supplier<Schedule> more : moreIncumbents(ci)) {
            Schedule s = more.get();
            if (s.objectiveTicks(ci) < best.objectiveTicks(ci)) best = s;
        }
        return best;
    }

    /** Whether the validator accepts {@code warm} as a schedule of {@code ci}. */
    static boolean validWarmStart(CompiledInstance ci, Schedule warm) {
        if (warm == null || warm.taskCount() != ci.taskCount()) return false;
        try {
            return Validator.validate(ci, warm.toSolution(ci, "warm-start", Status.FEASIBLE, null, null)).valid();
        } catch (RuntimeException ignored) {
            return false; // a malformed warm start is ignored, not fatal
        }
    }

    /**
     * One feasible schedule, as cheaply as possible: the warm start when the validator accepts it, else every
     * layer on its fastest node. The caller's thread pays for it (it is the answer if nothing else is found
     * in time); on a 29,000-layer instance one schedule-builder run takes about 0.6 s in a fresh JVM.
     */
    static Schedule firstIncumbent(CompiledInstance ci, Schedule warm) {
        if (validWarmStart(ci, warm)) return warm;
        return ScheduleBuilder.build(ci, fastestNodes(ci));
    }

    /** Other schedules: everything on the origin where allowed, every layer on its fastest node in release
     * order (both by the schedule builder), and every task on its best placement alone, prescheduled. */
    static List<Supplier<Schedule>> moreIncumbents(CompiledInstance ci) {
        int T = ci.taskCount();
        int[][] fastest = fastestNodes(ci);
        int[][] local = new int[T][];
        for (int t = 0; t < T; t++) {
            local[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < local[t].length; l++) local[t][l] = ci.canRun(t, l, ci.origin(t)) ? ci.origin(t) : fastest[t][l];
        }
        return List.of(() -> ScheduleBuilder.build(ci, local), () -> ScheduleBuilder.build(ci, fastest, PriorityRule.taskOrder(ci.releaseRank())),
                () -> DynamicPrescheduler.run(ci, bestAlone(ci)).schedule());
    }

    /**
     * Every task on its best placement when it runs alone (the multi-endpoint DAG with idle queues, which
     * counts the transfers), a placement that the fastest-node ones miss when the network dominates.
     */
    static int[][] bestAlone(CompiledInstance ci) {
        MultiEndpointDag dag = new MultiEndpointDag(ci);
        QueueEstimate idle = QueueEstimate.idle(ci);
        int[][] plan = new int[ci.taskCount()][];
        for (int t = 0; t < plan.length; t++) plan[t] = dag.best(t, idle).placement();
        return plan;
    }

    static int[][] fastestNodes(CompiledInstance ci) {
        int[][] fastest = new int[ci.taskCount()][];
        for (int t = 0; t < fastest.length; t++) {
            fastest[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < fastest[t].length; l++) {
                int[] nodes = ci.nodesFor(t, l);
                int f = nodes[0];
                for (int n : nodes) if (ci.proc(t, l, n) < ci.proc(t, l, f)) f = n;
                fastest[t][l] = f;
            }
        }
        return fastest;
    }

}
