package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Objective;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The seed paper's multi-node collaborative optimisation (docs/medag.md section 3): passes over the tasks,
 * most delayed first; each task's DAG is searched under the current queues without its own load, its
 * {@code k} best paths are evaluated as whole plans, and the best is kept only if the global objective
 * improves (ties: a smaller sum of completions). The incumbent only ever changes to a strictly better one.
 *
 * <p>Mutable and single-threaded: one object per search. {@code medag} runs it from its start;
 * {@code medag-ils} runs it after every perturbation.
 */
public final class CollaborativeRemapping {
    /**
     * @param k            candidate paths per remapped task
     * @param tasksPerPass remap only the this-many most-contributing tasks per pass (0 = all)
     * @param prune        evaluate a candidate only if the DAG predicts its task finishes earlier than now
     * @param tieBreak     on an equal objective, a smaller sum of completions also counts as an improvement
     */
    public record Settings(int k, int tasksPerPass, boolean prune, boolean tieBreak) {
        public Settings {
            if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
            if (tasksPerPass < 0) throw new IllegalArgumentException("tasksPerPass must be >= 0, got " + tasksPerPass);
        }
    }

    private final CompiledInstance ci;
    private final MultiEndpointDag dag;
    private Settings settings;
    private final Function<int[][], Preschedule> evaluator;
    private long deadline;
    private Consumer<Preschedule> onImprove = p -> {};
    private int[][] plan;
    private Preschedule current;
    private long evaluations;

    public CollaborativeRemapping(CompiledInstance ci, MultiEndpointDag dag, Settings settings,
                                  Function<int[][], Preschedule> evaluator, long deadlineNanos) {
        this.ci = ci;
        this.dag = dag;
        this.settings = settings;
        this.evaluator = evaluator;
        this.deadline = deadlineNanos;
    }

    /** Called with every new incumbent (for anytime traces). */
    public CollaborativeRemapping onImprove(Consumer<Preschedule> listener) {
        this.onImprove = listener;
        return this;
    }

    /** Starts (or restarts) from a plan and its evaluation. */
    public void reset(int[][] plan, Preschedule evaluated) {
        this.plan = copy(plan);
        this.current = evaluated;
    }

    public int[][] plan() { return copy(plan); }

    public Settings settings() { return settings; }

    /** Changes the settings for the passes still to run (e.g. cheaper remaps when the budget is short). */
    public void settings(Settings s) { this.settings = s; }

    public Preschedule current() { return current; }

    /** Plans evaluated so far (each a whole schedule). */
    public long evaluations() { return evaluations; }

    public boolean timeUp() { return io.edgesplit.solver.Deadline.passed(deadline); }

    /** Moves the deadline (System.nanoTime), e.g. to give a first phase a share of the budget. */
    public void deadline(long deadlineNanos) { this.deadline = deadlineNanos; }

    /** Strictly better: a smaller objective, or the same objective and a smaller sum of completions. */
    public static boolean better(Preschedule a, Preschedule b) {
        if (a.objective() != b.objective()) return a.objective() < b.objective();
        return a.completionSum() < b.completionSum();
    }

    /** {@link #better} with this search's tie rule. */
    public boolean improves(Preschedule a, Preschedule b) {
        return settings.tieBreak() ? better(a, b) : a.objective() < b.objective();
    }

    /** Passes until one improves nothing, {@code maxPasses}, or the deadline; returns the passes run. */
    public int run(int maxPasses) {
        int pass = 0;
        while (pass < maxPasses && !timeUp()) {
            pass++;
            if (!pass()) break;
        }
        return pass;
    }

    /** Tasks by decreasing contribution to the objective (C_t, or w·(C_t − release)), ties by index. */
    public int[] byContribution() { return byContribution(ci, current); }

    /** The tasks of a schedule by decreasing contribution to the objective, ties by index: most delayed first. */
    public static int[] byContribution(CompiledInstance ci, Preschedule current) {
        int T = ci.taskCount();
        Integer[] order = new Integer[T];
        double[] contribution = new double[T];
        for (int t = 0; t < T; t++) {
            order[t] = t;
            long c = current.completion(t);
            contribution[t] = ci.objective() == Objective.MAKESPAN ? c : ci.weight(t) * (c - ci.release(t));
        }
        Arrays.sort(order, Comparator.<Integer>comparingDouble(t -> -contribution[t]).thenComparingInt(t -> t));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** One remapping pass; whether it improved the incumbent. */
    public boolean pass() {
        int[] order = byContribution();
        int limit = settings.tasksPerPass() == 0 ? order.length : Math.min(order.length, settings.tasksPerPass());
        boolean improved = false;
        for (int j = 0; j < limit && !timeUp(); j++)
            if (remap(order[j])) improved = true;
        return improved;
    }

    /** Retrieves task t's k best paths under the current queues and keeps the best one if it helps. */
    public boolean remap(int t) {
        List<MultiEndpointDag.Path> candidates = dag.best(t, QueueEstimate.of(ci, current, t), settings.k());
        Preschedule best = null;
        int[] bestPlacement = null;
        int[][] trial = plan.clone();
        for (MultiEndpointDag.Path c : candidates) {
            if (Arrays.equals(c.placement(), plan[t])) continue;
            if (settings.prune() && c.completion() >= current.completion(t)) continue;
            if (timeUp()) break;
            trial[t] = c.placement();
            Preschedule p = evaluator.apply(trial);
            evaluations++;
            if (best == null || improves(p, best)) {
                best = p;
                bestPlacement = c.placement();
            }
        }
        if (best == null || !improves(best, current)) return false;
        plan[t] = bestPlacement;
        current = best;
        onImprove.accept(current);
        return true;
    }

    private static int[][] copy(int[][] p) {
        int[][] c = new int[p.length][];
        for (int t = 0; t < p.length; t++) c[t] = p[t].clone();
        return c;
    }
}
