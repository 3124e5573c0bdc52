package io.edgesplit.model;

import java.util.Objects;

/**
 * A place that computes, one layer at a time (docs/model.md §1).
 *
 * @param speed       FLOP/s
 * @param availableAt seconds; busy with earlier work until then (current load)
 * @param slowdown    ≥ 1; multiplies every compute time on the node (background load)
 */
public record Node(String name, NodeKind kind, double speed, double availableAt, double slowdown) {
    public Node {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public Node(String name, NodeKind kind, double speed) { this(name, kind, speed, 0.0, 1.0); }
}
