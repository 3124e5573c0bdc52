package io.edgesplit.api;

import io.edgesplit.solver.ParamSpec;

import java.util.List;

/**
 * A registered backend as {@link EdgeSplit#backends()} lists it.
 *
 * @param name        what {@link EdgeSplit#solve} and configuration files call it, e.g. {@code cpsat}
 * @param exact       whether its {@code OPTIMAL} is a proof
 * @param parameters  the keys {@link Options#param} accepts for it, with types, defaults and meanings
 */
public record Backend(String name, String description, boolean exact, List<ParamSpec> parameters) {
    public Backend {
        parameters = List.copyOf(parameters);
    }
}
