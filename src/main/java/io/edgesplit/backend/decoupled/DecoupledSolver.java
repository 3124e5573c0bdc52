package io.edgesplit.backend.decoupled;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.DynamicPrescheduler;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.QueueEstimate;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.List;

/**
 * Baseline {@code decoupled} (docs/baselines.md): the decoupled framework the seed paper argues against. Step 1
 * partitions and offloads every task on its own, ignoring every other task: the shortest path of its
 * layered DAG (docs/medag.md §2) with no queuing term (a node waits only for its own availableAt). Step 2
 * schedules the fixed plan with the paper's dynamic prescheduler (docs/medag.md §1). There is no feedback from
 * step 2 to step 1, which is exactly the "cyclic state-dependent coupling" that {@code medag} closes.
 */
public final class DecoupledSolver implements Solver {
    @Override
    public String name() { return "decoupled"; }

    @Override
    public String description() {
        return "per task the best multi-node plan ignoring other tasks, then dynamic prescheduling (no feedback)";
    }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        long t0 = System.nanoTime();
        MultiEndpointDag dag = new MultiEndpointDag(ci);
        QueueEstimate idle = QueueEstimate.idle(ci);
        int[][] plan = new int[ci.taskCount()][];
        for (int t = 0; t < ci.taskCount(); t++) plan[t] = dag.best(t, idle).placement();
        Preschedule p = DynamicPrescheduler.run(ci, plan);
        return SolveResult.feasible(p.schedule(),
                List.of(new TracePoint((System.nanoTime() - t0) / 1e9, p.objective(), null)));
    }
}
