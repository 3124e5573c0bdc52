package io.edgesplit.solver;

/**
 * One point of a backend's anytime trace.
 *
 * @param seconds        wall time since the solve started
 * @param objectiveTicks the incumbent's objective, or null
 * @param boundTicks     the best proven bound, or null
 */
public record TracePoint(double seconds, Double objectiveTicks, Double boundTicks) {}
