package io.edgesplit.backend.medagils;

import io.edgesplit.backend.medag.MedagParams;
import io.edgesplit.backend.medag.MedagSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.CollaborativeRemapping;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The search state of {@code medag-ils}: a current (plan, task priorities) pair, its schedule, and the
 * best seen. A plan is scheduled twice, by medag's evaluator and by the list scheduler placing whole tasks
 * in priority order with insertion; the better schedule counts. Perturbations change a few tasks' paths
 * or the priorities; medag's collaborative remapping then re-optimises the plan.
 */
final class IteratedLocalSearch {
    private final CompiledInstance ci;
    private final MedagParams mp;
    private final IlsParams ip;
    private final Random rng;
    private final long t0, deadline, startDeadline;
    private final List<TracePoint> trace = new ArrayList<>();
    private final MultiEndpointDag dag;
    private final Perturbation perturbation;
    private double[] priority;
    private Preschedule best;
    private int[][] bestPlan;
    private double[] bestPriority;
    private long iterations, newBests;
    private String startNote = "";

    IteratedLocalSearch(CompiledInstance ci, MedagParams mp, IlsParams ip, long seed, long t0, double limitSeconds) {
        this.ci = ci;
        this.mp = mp;
        this.ip = ip;
        this.rng = new Random(seed);
        this.t0 = t0;
        // Keep a small reserve of the budget for converting and returning the answer.
        this.deadline = t0 + (long) (limitSeconds * 0.95e9);
        this.startDeadline = t0 + (long) (limitSeconds * 0.95e9 * ip.startShare());
        this.dag = new MultiEndpointDag(ci);
        this.perturbation = new Perturbation(ci, dag, rng);
    }

    Preschedule best() { return best; }

    List<TracePoint> trace() { return trace; }

    String note() {
        return String.format(Locale.ROOT, "%s; %d perturbations, %d new bests", startNote, iterations, newBests);
    }

    /** The better of medag's evaluator and the priority-ordered list schedule of the plan. */
    private Preschedule evaluate(int[][] plan, double[] prio) {
        Preschedule a = mp.evaluator().evaluate(ci, plan);
        Preschedule b = Preschedule.of(ci, ScheduleBuilder.build(ci, plan, PriorityRule.byTaskValue(prio)));
        return CollaborativeRemapping.better(b, a) ? b : a;
    }

    void run(Schedule warmStart) {
        // Phase 1: medag itself, within its share of the budget.
        MedagSolver.Run start = MedagSolver.start(ci, mp, warmStart, startDeadline);
        CollaborativeRemapping medag = start.search();
        medag.deadline(startDeadline);
        MedagSolver.cheapRemapsIfShort(medag, start, mp, ci.taskCount(), startDeadline);
        medag.run(mp.maxPasses());
        startNote = "medag (start: " + start.how() + ") " + fmt(medag.current().objective());
        int[][] plan = medag.plan();
        priority = new double[ci.taskCount()];
        for (int t = 0; t < priority.length; t++) priority[t] = medag.current().completion(t);
        Preschedule current = medag.current();
        Preschedule both = evaluate(plan, priority);
        if (CollaborativeRemapping.better(both, current)) current = both;
        best = current;
        bestPlan = plan;
        bestPriority = priority.clone();
        record();

        // Phase 2: perturb, re-optimise, accept or go back.
        CollaborativeRemapping local = new CollaborativeRemapping(ci, dag,
                new CollaborativeRemapping.Settings(mp.k(), ip.localTasks(), mp.prune(), mp.tieBreak()),
                p -> evaluate(p, priority), deadline);
        int[][] curPlan = plan;
        double[] curPriority = priority.clone();
        int stall = 0, sinceBest = 0;
        while (!io.edgesplit.solver.Deadline.passed(deadline) && stall < ip.stallLimit(ci.taskCount())) {
            iterations++;
            priority = curPriority.clone();
            int[][] trial = perturbation.apply(curPlan, current, priority, ip.perturbTasks());
            local.reset(trial, evaluate(trial, priority));
            local.run(mp.maxPasses());
            Preschedule cand = local.current();
            if (CollaborativeRemapping.better(cand, best)) {
                best = cand;
                bestPlan = local.plan();
                bestPriority = priority.clone();
                newBests++;
                record();
                stall = 0;
                sinceBest = 0;
            } else {
                stall++;
                sinceBest++;
            }
            if (cand.objective() <= current.objective() * (1 + ip.acceptWorse())) {
                current = cand;
                curPlan = local.plan();
                curPriority = priority.clone();
            }
            if (sinceBest >= ip.restartAfter()) {
                current = best;
                curPlan = bestPlan;
                curPriority = bestPriority.clone();
                sinceBest = 0;
            }
        }
    }

    private void record() {
        trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, best.objective(), null));
    }

    private static String fmt(double ticks) {
        return ticks == Math.rint(ticks) ? Long.toString((long) ticks) : String.format(Locale.ROOT, "%.1f", ticks);
    }
}
