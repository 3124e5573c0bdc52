package io.edgesplit.backend.medag;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.schedule.CollaborativeRemapping;
import io.edgesplit.schedule.MultiEndpointDag;
import io.edgesplit.schedule.PlanEvaluator;
import io.edgesplit.schedule.Preschedule;
import io.edgesplit.schedule.QueueEstimate;
import io.edgesplit.schedule.SequentialStart;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.TracePoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backend {@code medag}: the seed paper's method (Yan et al., IEEE IoT J. 2025) as read in docs/medag.md —
 * dynamic prescheduling coupled with multi-endpoint DAG retrieval, iterated.
 *
 * <ol>
 *   <li><b>Start.</b> Every task takes its own best path in its layered DAG ({@link MultiEndpointDag}) as if
 *   it were alone, and the plan is evaluated. With {@code greedyStart} (default) a queue-aware sequential
 *   plan ({@link SequentialStart}) is built first and the better of the two is the start; a warm start's
 *   placement, when given and better, replaces it.</li>
 *   <li><b>Collaborative remapping</b> ({@link CollaborativeRemapping}) until a pass improves nothing,
 *   {@code maxPasses}, or the time limit.</li>
 * </ol>
 * Every departure from the literal reading is a parameter; {@code solvers/medag-literal.json} switches them
 * all off. The incumbent only ever changes to a strictly better plan, so the answer is never worse than the
 * start. Nothing is random: the answer is the same for every seed unless the time limit cuts the search.
 */
public final class MedagSolver implements Solver {
    /** The defaults, chosen by the ablation on generated tuning instances (docs/medag.md section 4). */
    public static final MedagParams DEFAULTS = new MedagParams(3, 20, 0, false, true, true,
            SequentialStart.Estimate.TAIL, PlanEvaluator.BEST_OF_BOTH, true);

    @Override
    public String name() { return "medag"; }

    @Override
    public String description() {
        return "seed paper's method: dynamic prescheduling + multi-endpoint DAG k-best retrieval with collaborative remapping";
    }

    @Override
    public List<ParamSpec> parameters() { return MedagParams.specs(DEFAULTS); }

    @Override
    public SolveResult solve(CompiledInstance ci, SolveOptions options) {
        MedagParams p = MedagParams.read(options.params(), DEFAULTS);
        long t0 = System.nanoTime();
        // Keep a small reserve of the budget for converting and returning the answer.
        long deadline = t0 + (long) (options.timeLimitSeconds() * 0.95e9);
        List<TracePoint> trace = new ArrayList<>();
        Run run = start(ci, p, options.warmStart(), deadline);
        CollaborativeRemapping search = run.search;
        search.onImprove(x -> trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, x.objective(), null)));
        trace.add(new TracePoint((System.nanoTime() - t0) / 1e9, search.current().objective(), null));
        String cheap = cheapRemapsIfShort(search, run, p, ci.taskCount(), deadline) ? "; cheap remaps (k=1, prune): a full pass would not fit" : "";
        int passes = search.run(p.maxPasses());
        String note = String.format(Locale.ROOT, "start: %s; %d remapping passes, %d plans evaluated%s", run.how, passes, search.evaluations(), cheap);
        return new SolveResult(io.edgesplit.solution.Status.FEASIBLE, search.current().schedule(), null, trace, note);
    }

    /** A search positioned at its start, which start won, and how long one evaluation of a plan took. */
    public record Run(CollaborativeRemapping search, String how, long evalNanos) {}

    /**
     * With {@code budgetAware}: when one pass (k evaluations for each task) cannot fit in the time left, the
     * remaps switch to one candidate, evaluated only if the DAG predicts it helps its task. Chosen on the
     * tuning instances: at 1000 tasks an evaluation takes about 0.1 s, and cheap remaps reach 5-10 %
     * better plans within the limit, while on small instances (where passes fit) they cost quality.
     */
    public static boolean cheapRemapsIfShort(CollaborativeRemapping search, Run run, MedagParams p, int tasks, long deadline) {
        if (!p.budgetAware() || p.k() == 1 && p.prune()) return false;
        double pass = (double) tasks * p.k() * run.evalNanos();
        if (pass <= deadline - System.nanoTime()) return false;
        var s = search.settings();
        search.settings(new CollaborativeRemapping.Settings(1, s.tasksPerPass(), true, s.tieBreak()));
        return true;
    }

    /**
     * Builds medag's start under {@code p} and returns the remapping search positioned there (for
     * {@code medag-ils}, which continues from it). The start is interruptible: each part checks the
     * deadline, and when even the first plan could not be finished every task runs its own best path.
     */
    public static Run start(CompiledInstance ci, MedagParams p, Schedule warmStart, long deadline) {
        int T = ci.taskCount();
        MultiEndpointDag dag = new MultiEndpointDag(ci);
        PlanEvaluator ev = p.evaluator();
        CollaborativeRemapping search = new CollaborativeRemapping(ci, dag,
                new CollaborativeRemapping.Settings(p.k(), p.tasksPerPass(), p.prune(), p.tieBreak()),
                plan -> ev.evaluate(ci, plan), deadline);
        int[][] plan = null;
        Preschedule current = null;
        String how = null;
        long evalNanos = 0;
        long t0 = System.nanoTime();
        if (p.greedyStart() && T > 1) {
            // The DAG searches get 70 % of the budget, so the plan's evaluation fits in the rest.
            plan = SequentialStart.plan(ci, dag, p.startEstimate(), ci.tasksByRelease(), t0 + (long) ((deadline - t0) * 0.7));
            long e0 = System.nanoTime();
            current = ev.evaluate(ci, plan);
            evalNanos = System.nanoTime() - e0;
            how = "sequential";
        }
        // The literal start: every task's own best path with empty queues (the only start without
        // greedyStart, then finished whatever the time). After a sequential start only if it can still be
        // evaluated in time: a plan that piles tasks onto one node can take several times longer to evaluate.
        if (plan == null || System.nanoTime() + 3 * evalNanos < deadline) {
            QueueEstimate idle = QueueEstimate.idle(ci);
            int[][] own = new int[T][];
            boolean complete = true;
            for (int t = 0; t < T && complete; t++) {
                if (plan != null && (t & 15) == 0 && System.nanoTime() + 3 * evalNanos >= deadline) complete = false;
                else own[t] = dag.best(t, idle).placement();
            }
            if (complete) {
                long e0 = System.nanoTime();
                Preschedule q = ev.evaluate(ci, own);
                evalNanos = Math.max(evalNanos, System.nanoTime() - e0);
                if (current == null || search.improves(q, current)) {
                    plan = own;
                    current = q;
                    how = "own best paths";
                }
            }
        }
        if (warmStart != null && warmStart.taskCount() == T) {
            int[][] wp = new int[T][];
            for (int t = 0; t < T; t++) wp[t] = warmStart.placement(t);
            try {
                Preschedule q = ev.evaluate(ci, wp);
                if (search.improves(q, current)) {
                    plan = wp;
                    current = q;
                    how = "warm start";
                }
            } catch (IllegalArgumentException e) {
                // A warm start for another instance or with an ineligible placement: ignore it.
            }
        }
        search.reset(plan, current);
        return new Run(search, how, evalNanos);
    }
}
