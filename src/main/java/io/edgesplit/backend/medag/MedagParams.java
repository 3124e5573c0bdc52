package io.edgesplit.backend.medag;

import io.edgesplit.schedule.PlanEvaluator;
import io.edgesplit.schedule.SequentialStart;
import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.Params;

import java.util.List;
import java.util.Locale;

/**
 * medag's parameters, read and checked in one place. Every departure from the literal reading of the
 * paper is one of them (docs/medag.md): {@code greedyStart}, {@code startEstimate}, {@code evaluator},
 * {@code prune}, {@code tieBreak}; {@link #LITERAL} switches them all off.
 *
 * @param k             candidate paths per remapped task (k best of its DAG)
 * @param maxPasses     stop after this many remapping passes
 * @param tasksPerPass  remap only the this-many most-contributing tasks per pass (0 = all)
 * @param prune         evaluate a candidate only if the DAG predicts its task finishes earlier on it
 * @param tieBreak      an equal objective with a smaller sum of completions counts as an improvement
 * @param greedyStart   also build the queue-aware sequential start and begin from the better start
 * @param startEstimate how that start reads claimed time (tail or gaps)
 * @param evaluator     how a plan becomes a schedule
 * @param budgetAware   when one pass of k evaluations per task cannot fit in the time left, remap with one
 *                      candidate and prune (cheap remaps) instead
 */
public record MedagParams(int k, int maxPasses, int tasksPerPass, boolean prune, boolean tieBreak, boolean greedyStart,
                          SequentialStart.Estimate startEstimate, PlanEvaluator evaluator, boolean budgetAware) {
    /** The literal reading of the paper (docs/medag.md): solvers/medag-literal.json. */
    public static final MedagParams LITERAL = new MedagParams(3, 20, 0, false, false, false,
            SequentialStart.Estimate.GAPS, PlanEvaluator.PRESCHEDULE, false);

    public MedagParams {
        if (k < 1) throw new IllegalArgumentException("params.k: must be >= 1, got " + k);
        if (maxPasses < 0) throw new IllegalArgumentException("params.maxPasses: must be >= 0, got " + maxPasses);
        if (tasksPerPass < 0) throw new IllegalArgumentException("params.tasksPerPass: must be >= 0, got " + tasksPerPass);
    }

    public static List<ParamSpec> specs(MedagParams d) {
        return List.of(
                ParamSpec.ofInt("k", d.k(), "candidate paths retrieved per remapped task (k-best of its DAG)"),
                ParamSpec.ofInt("maxPasses", d.maxPasses(), "stop after this many remapping passes (a pass that improves nothing stops earlier)"),
                ParamSpec.ofInt("tasksPerPass", d.tasksPerPass(), "remap only the this-many most-contributing tasks per pass (0 = every task)"),
                ParamSpec.ofBoolean("prune", d.prune(),
                        "evaluate a candidate path only if the DAG predicts the task finishes earlier on it than now"),
                ParamSpec.ofBoolean("tieBreak", d.tieBreak(),
                        "a remap that keeps the objective but lowers the sum of completions counts as an improvement"),
                ParamSpec.ofBoolean("greedyStart", d.greedyStart(),
                        "also build a queue-aware sequential start and begin from the better of it and the own-best-path start"),
                ParamSpec.ofChoice("startEstimate", lower(d.startEstimate().name()), List.of("tail", "gaps"),
                        "how the sequential start reads claimed time: tail (queue behind it) or gaps (any gap, optimistic)"),
                ParamSpec.ofChoice("evaluator", d.evaluator().json(), java.util.Arrays.stream(PlanEvaluator.values()).map(PlanEvaluator::json).toList(),
                        "plan to schedule: preschedule (the paper's), preschedule-insertion, or best-of-both (also the list-scheduling builder)"),
                ParamSpec.ofBoolean("budgetAware", d.budgetAware(),
                        "when a pass with k evaluations per task cannot fit in the time left, remap with k=1 and prune"));
    }

    /** The parameters of a configuration, with {@code d} for what it leaves out. */
    public static MedagParams read(Params p, MedagParams d) {
        String est = p.getString("startEstimate", lower(d.startEstimate().name()));
        SequentialStart.Estimate e = switch (est) {
            case "tail" -> SequentialStart.Estimate.TAIL;
            case "gaps" -> SequentialStart.Estimate.GAPS;
            default -> throw new IllegalArgumentException("params.startEstimate: expected tail or gaps, got \"" + est + "\"");
        };
        PlanEvaluator ev;
        try {
            ev = PlanEvaluator.fromJson(p.getString("evaluator", d.evaluator().json()));
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException("params.evaluator: " + x.getMessage());
        }
        return new MedagParams(p.getInt("k", d.k()), p.getInt("maxPasses", d.maxPasses()), p.getInt("tasksPerPass", d.tasksPerPass()),
                p.getBoolean("prune", d.prune()), p.getBoolean("tieBreak", d.tieBreak()), p.getBoolean("greedyStart", d.greedyStart()),
                e, ev, p.getBoolean("budgetAware", d.budgetAware()));
    }

    private static String lower(String s) { return s.toLowerCase(Locale.ROOT); }
}
