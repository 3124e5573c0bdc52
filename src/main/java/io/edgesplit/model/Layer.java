package io.edgesplit.model;

import java.util.List;
import java.util.Objects;

/**
 * One DNN layer (docs/model.md §1). {@code inputs} is always resolved: the names of its predecessor layers,
 * empty when it reads the model input. (In files an omitted {@code inputs} means "the previous layer";
 * the reader resolves that, the writer omits it again when it holds.)
 *
 * @param flops       floating-point operations (2 × multiply-accumulates)
 * @param outputBytes size of the output tensor
 * @param paramBytes  size of the weights
 */
public record Layer(String name, double flops, double outputBytes, double paramBytes, List<String> inputs) {
    public Layer {
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
    }

    /** A layer reading the previous one of a chain, or the model input when {@code prev} is null. */
    public static Layer chained(String name, double flops, double outputBytes, double paramBytes, String prev) {
        return new Layer(name, flops, outputBytes, paramBytes, prev == null ? List.of() : List.of(prev));
    }
}
