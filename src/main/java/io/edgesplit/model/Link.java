package io.edgesplit.model;

import java.util.Objects;

/** A per-pair network override; a null field comes from the network default (docs/model.md §1). */
public record Link(String from, String to, Double bandwidth, Double latency) {
    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
