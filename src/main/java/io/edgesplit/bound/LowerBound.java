package io.edgesplit.bound;

import io.edgesplit.model.Objective;

import java.util.List;

/**
 * The cheap lower bounds of one instance (docs/bounds.md): every component with its value, and the best.
 * Values are in ticks of the instance's objective (makespan, or Σ weight × (C − release)); each is at most
 * the optimum.
 *
 * @param components in the order they were computed; each value already rounded (up to an integer where the objective is one)
 * @param best       the component with the largest value (the first such one)
 */
public record LowerBound(String instance, Objective objective, double timeUnit, List<Component> components, Component best,
                         double millis) {

    /** One bound: a short stable name ({@code task-alone}, {@code capacity}, …), its value, and what it used. */
    public record Component(String name, double ticks, String detail) {}

    public double ticks() { return best.ticks(); }

    public double seconds() { return best.ticks() * timeUnit; }

    /** The name of the winning component, with its detail, e.g. {@code capacity: ingress(edge1)}. */
    public String source() { return best.detail() == null || best.detail().isEmpty() ? best.name() : best.name() + ": " + best.detail(); }

    /**
     * The better of this cheap bound and a bound an exact backend proved on the same instance ({@code null}
     * when none ran): the larger value, and which it was.
     */
    public static Combined combine(double cheapTicks, String cheapSource, Double provenTicks, String provenSource) {
        if (provenTicks != null && provenTicks > cheapTicks) return new Combined(provenTicks, provenSource);
        return new Combined(cheapTicks, cheapSource);
    }

    /** A bound value and where it came from. */
    public record Combined(double ticks, String source) {}
}
