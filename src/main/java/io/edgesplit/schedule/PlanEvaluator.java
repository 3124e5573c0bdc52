package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;

/**
 * How a plan (every layer's node) becomes a schedule inside the plan-searching heuristics. The seed paper
 * evaluates a plan by dynamic prescheduling ({@link #PRESCHEDULE}); the other two are departures measured
 * in the medag ablation (docs/medag.md).
 */
public enum PlanEvaluator implements io.edgesplit.model.JsonName {
    /** The paper's dynamic prescheduling: Johnson order, least-idle list scheduling, compute as a queue. */
    PRESCHEDULE("preschedule"),
    /** The same choice of what runs next, but a compute block may fill an earlier idle gap (insertion). */
    PRESCHEDULE_INSERTION("preschedule-insertion"),
    /** The better of {@link #PRESCHEDULE_INSERTION} and the schedule builder (earliest ready first, insertion). */
    BEST_OF_BOTH("best-of-both");

    private final String json;

    PlanEvaluator(String json) { this.json = json; }

    @Override
    public String json() { return json; }

    public static PlanEvaluator fromJson(String s) {
        PlanEvaluator e = io.edgesplit.model.JsonName.find(PlanEvaluator.class, s);
        if (e == null) throw new IllegalArgumentException("unknown evaluator \"" + s + "\" (expected one of " + io.edgesplit.model.JsonName.choices(PlanEvaluator.class) + ")");
        return e;
    }

    /** The schedule of a plan, with its node profiles. */
    public Preschedule evaluate(CompiledInstance ci, int[][] plan) {
        return switch (this) {
            case PRESCHEDULE -> DynamicPrescheduler.run(ci, plan, false);
            case PRESCHEDULE_INSERTION -> DynamicPrescheduler.run(ci, plan, true);
            case BEST_OF_BOTH -> {
                Preschedule a = DynamicPrescheduler.run(ci, plan, true);
                Preschedule b = Preschedule.of(ci, ScheduleBuilder.build(ci, plan));
                yield CollaborativeRemapping.better(b, a) ? b : a;
            }
        };
    }
}
