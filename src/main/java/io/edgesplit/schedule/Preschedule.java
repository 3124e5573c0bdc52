package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Transfer;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DynamicPrescheduler} returns for a plan (docs/medag.md §1): the complete schedule, every task's
 * completion C_t (docs/model.md §4.7) and every node's queue/idle profile.
 *
 * @param schedule    a complete schedule that satisfies every constraint of docs/model.md §4
 * @param completions C_t per task, in ticks (do not modify)
 * @param objective   the instance's objective over {@code completions}, in ticks
 * @param nodes       one profile per node, by node index
 */
public record Preschedule(Schedule schedule, long[] completions, double objective, List<NodeProfile> nodes) {
    public Preschedule {
        nodes = List.copyOf(nodes);
    }

    /**
     * The profile of any complete schedule (e.g. one from {@link ScheduleBuilder}), so that queue estimates
     * can read it like a prescheduler's. Busy intervals are merged per task where they touch;
     * {@code queueTicks} is not known here and is 0.
     */
    public static Preschedule of(CompiledInstance ci, Schedule schedule) {
        int T = ci.taskCount(), N = ci.nodeCount();
        List<List<long[]>> comp = new ArrayList<>(), in = new ArrayList<>();
        for (int n = 0; n < N; n++) {
            comp.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
        boolean ingress = ci.contention() == Contention.INGRESS;
        long[] completions = new long[T];
        for (int t = 0; t < T; t++) {
            for (int l = 0; l < ci.layerCount(t); l++) {
                int n = schedule.node(t, l);
                long s = schedule.start(t, l), e = schedule.end(ci, t, l);
                if (e <= s) continue;
                List<long[]> c = comp.get(n);
                long[] last = c.isEmpty() ? null : c.get(c.size() - 1);
                if (last != null && last[2] == t && last[1] == s) last[1] = e;
                else c.add(new long[]{s, e, t});
            }
            if (ingress)
                for (Transfer x : schedule.transfers(t)) {
                    long d = ci.transfer(ci.tensorBytes(t, x.tensor()), x.from(), x.to());
                    if (d > 0) in.get(x.to()).add(new long[]{x.start(), x.start() + d, t});
                }
            completions[t] = schedule.completion(ci, t);
        }
        List<NodeProfile> profiles = new ArrayList<>(N);
        for (int n = 0; n < N; n++) {
            long[][] c = sorted(comp.get(n)), g = sorted(in.get(n));
            long busy = 0, last = ci.availableAt(n);
            for (int j = 0; j < c[0].length; j++) {
                busy += c[1][j] - c[0][j];
                last = Math.max(last, c[1][j]);
            }
            profiles.add(new NodeProfile(n, c[0], c[1], toInt(c[2]), g[0], g[1], toInt(g[2]), 0,
                    last - ci.availableAt(n) - busy, last));
        }
        return new Preschedule(schedule, completions, Schedule.objective(ci, completions), profiles);
    }

    private static long[][] sorted(List<long[]> xs) {
        xs.sort((a, b) -> Long.compare(a[0], b[0]));
        long[][] out = new long[3][xs.size()];
        for (int i = 0; i < xs.size(); i++)
            for (int j = 0; j < 3; j++) out[j][i] = xs.get(i)[j];
        return out;
    }

    private static int[] toInt(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (int) a[i];
        return out;
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
