package io.edgesplit.backend.medag;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.DynamicPrescheduler;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolverRegistry;

import java.nio.file.Path;
import java.util.Map;

/** Not a test: ad-hoc experiments behind docs/medag.md (run by hand). */
public final class MedagLab {
    public static void main(String[] a) {
        var reg = SolverRegistry.load();
        double limit = Double.parseDouble(a[0]);
        for (int i = 1; i < a.length; i++) {
            CompiledInstance ci = InstanceJson.read(Path.of(a[i])).compile();
            StringBuilder sb = new StringBuilder(a[i]);
            Schedule heft = null;
            for (String s : new String[]{"heft", "edge-only", "medag"}) {
                long t0 = System.nanoTime();
                Outcome o = CheckedSolve.run(reg.get(s), ci, SolveOptions.defaults().withTimeLimit(limit));
                sb.append(String.format(" %s=%.4f(%.2fs)", s, o.solution().objective(), (System.nanoTime() - t0) / 1e9));
                if (s.equals("heft")) heft = Schedule.fromSolution(ci, o.solution());
            }
            int[][] hp = new int[ci.taskCount()][];
            for (int t = 0; t < ci.taskCount(); t++) hp[t] = heft.placement(t);
            sb.append(String.format(" heftPlan/presched=%.4f heftPlan/builder=%.4f",
                    DynamicPrescheduler.run(ci, hp).objective() * ci.timeUnit(),
                    ScheduleBuilder.build(ci, hp).objectiveTicks(ci) * ci.timeUnit()));
            long g0 = System.nanoTime();
            int[][] gp = io.edgesplit.schedule.SequentialStart.plan(ci, new io.edgesplit.schedule.MultiEndpointDag(ci),
                    io.edgesplit.schedule.SequentialStart.Estimate.valueOf(System.getProperty("est", "TAIL")),
                    ci.tasksByRelease(), Long.MAX_VALUE);
            long g1 = System.nanoTime();
            double pre = DynamicPrescheduler.run(ci, gp).objective() * ci.timeUnit();
            long g2 = System.nanoTime();
            double ins = DynamicPrescheduler.run(ci, gp, true).objective() * ci.timeUnit();
            long g3 = System.nanoTime();
            double bld = ScheduleBuilder.build(ci, gp).objectiveTicks(ci) * ci.timeUnit();
            long g4 = System.nanoTime();
            sb.append(String.format(" heftPlan/ins=%.4f | greedy %.2fs: presched=%.4f(%.2fs) ins=%.4f(%.2fs) builder=%.4f(%.2fs)",
                    DynamicPrescheduler.run(ci, hp, true).objective() * ci.timeUnit(),
                    (g1 - g0) / 1e9, pre, (g2 - g1) / 1e9, ins, (g3 - g2) / 1e9, bld, (g4 - g3) / 1e9));
            System.out.println(sb);
        }
    }
}
