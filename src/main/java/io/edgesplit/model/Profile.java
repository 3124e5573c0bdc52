package io.edgesplit.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Measured per-layer times of one model on one node, replacing {@code flops / speed} (docs/model.md §1). A null
 * entry means that layer cannot run on that node.
 */
public record Profile(String model, String node, List<Double> layerSeconds) {
    public Profile {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(node, "node");
        // List.copyOf rejects nulls, and null is meaningful here.
        layerSeconds = Collections.unmodifiableList(new java.util.ArrayList<>(layerSeconds));
    }
}
