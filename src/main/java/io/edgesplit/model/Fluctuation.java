package io.edgesplit.model;

import java.util.List;
import java.util.Objects;

/**
 * What happened to one node's speed and network over time (docs/model.md §8): piecewise-constant factors
 * that stretch its compute times and the transmission part of transfers into or out of it. Instances with
 * fluctuations are the realised instances of simulations (docs/dynamic.md); a layer or transfer takes the
 * factor in force at its start tick for its whole duration.
 *
 * @param node    the node's name
 * @param compute steps of the compute factor (≥ 1, multiplies {@code proc}); factor 1 before the first
 * @param link    steps of the link factor (≥ 1, multiplies {@code bytes / bandwidth}); factor 1 before the first
 */
public record Fluctuation(String node, List<Step> compute, List<Step> link) {
    public Fluctuation {
        Objects.requireNonNull(node, "node");
        compute = List.copyOf(compute);
        link = List.copyOf(link);
    }

    /**
     * From {@code at} seconds on (until the next step), the factor is {@code factor}.
     *
     * @param at     seconds, ≥ 0, strictly increasing within a list
     * @param factor ≥ 1
     */
    public record Step(double at, double factor) {}
}
