package io.edgesplit.backend.local;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.UnsupportedInstanceException;

/**
 * Baseline {@code local} (docs/baselines.md): every layer of every task on its origin, no offloading; tasks sharing a
 * device queue on it in order of readiness. Refuses a task whose origin it may not use.
 */
public final class LocalSolver implements Solver {
    @Override
    public String name() { return "local"; }

    @Override
    public String description() { return "every layer on the task's origin device (no offloading)"; }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        int[][] placement = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) {
            int origin = ci.origin(t);
            placement[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < ci.layerCount(t); l++) {
                if (!ci.canRun(t, l, origin))
                    throw new UnsupportedInstanceException("task " + ci.taskName(t) + ": layer " + ci.layerName(t, l)
                            + " may not run on its origin " + ci.nodeName(origin)
                            + (ci.eligible(t, origin) ? " (its profile there is null)" : " (allowedNodes leaves the origin out)")
                            + "; local cannot solve this instance");
                placement[t][l] = origin;
            }
        }
        return SolveResult.feasible(ScheduleBuilder.build(ci, placement));
    }
}
