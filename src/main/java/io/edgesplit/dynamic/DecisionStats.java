package io.edgesplit.dynamic;

/**
 * What the policy's decisions cost: how many times it planned, the wall time per decision, and how many
 * decisions were cut by their budget (then the simulation is only deterministic if the backend is
 * deterministic when cut).
 *
 * @param decisions      decision points at which the policy planned (some work was waiting)
 * @param meanSeconds    mean wall time per decision (residual instance, solve, plan check)
 * @param maxSeconds     longest decision
 * @param p99Seconds     99th percentile of decision times
 * @param cutByBudget    decisions whose backend used ≥ 95 % of the per-decision budget
 * @param plannedTasks   Σ over decisions of the requests in the residual instance
 * @param fallbacks      decisions at which the backend found no plan in its budget, so the previous plan (new
 *                       requests on their devices) was kept
 */
public record DecisionStats(int decisions, double meanSeconds, double maxSeconds, double p99Seconds, int cutByBudget, long plannedTasks,
                            int fallbacks) {}
