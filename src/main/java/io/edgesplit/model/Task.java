package io.edgesplit.model;

import java.util.List;
import java.util.Objects;

/**
 * An inference request (docs/model.md §1): the input is on {@code origin} at {@code release}, and the result must
 * come back there.
 *
 * @param allowedNodes null for the default eligibility (origin plus every edge and cloud node); when given
 *                     it replaces that set and may leave the origin out
 */
public record Task(String name, String model, String origin, double release, double weight, List<String> allowedNodes) {
    public Task {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(origin, "origin");
        allowedNodes = allowedNodes == null ? null : List.copyOf(allowedNodes);
    }

    public Task(String name, String model, String origin, double release) {
        this(name, model, origin, release, 1.0, null);
    }
}
