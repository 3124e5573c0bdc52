package io.edgesplit.api;

import io.edgesplit.model.DnnModel;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Layer;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a DNN layer by layer (docs/model.md, "Models"): a chain with {@link #layer}, a DAG by naming each
 * layer's inputs with {@link #layerFrom}. Layers are listed in a topological order, as in a file. The checks
 * (names, numbers, inputs, order) run when the instance is built ({@link InstanceBuilder#build()}), and their
 * errors name the field as the file reader does, e.g. {@code models[1].layers[3].inputs[0]}.
 * <pre>{@code
 * DnnModel m = EdgeSplit.model("tiny-cnn", 12_288)          // 32x32x3 fp32 input
 *         .layer("conv1", 1.77e6, 131_072, 3_840)           // reads the model input
 *         .layer("pool1", 3.3e4, 32_768, 0)                 // reads conv1
 *         .layerFrom("fc", 2.6e5, 40, 1_300, "pool1")       // explicit inputs: a DAG
 *         .build();
 * }</pre>
 */
public final class ModelBuilder {
    private final String name;
    private final double inputBytes;
    private final List<Layer> layers = new ArrayList<>();

    ModelBuilder(String name, double inputBytes) {
        this.name = name;
        this.inputBytes = inputBytes;
    }

    /**
     * A layer reading the previous layer (the first one reads the model input).
     *
     * @param flops       floating-point operations
     * @param outputBytes size of its output tensor
     * @param paramBytes  size of its weights
     */
    public ModelBuilder layer(String layerName, double flops, double outputBytes, double paramBytes) {
        String prev = layers.isEmpty() ? null : layers.get(layers.size() - 1).name();
        return add(layerName, flops, outputBytes, paramBytes, prev == null ? List.of() : List.of(prev));
    }

    /** A layer reading the named layers (none: the model input), for branches, skips and joins. */
    public ModelBuilder layerFrom(String layerName, double flops, double outputBytes, double paramBytes, String... inputs) {
        for (int i = 0; i < inputs.length; i++)
            if (inputs[i] == null) throw new InvalidInputException(path() + ".inputs[" + i + "]", "must not be null");
        return add(layerName, flops, outputBytes, paramBytes, List.of(inputs));
    }

    private ModelBuilder add(String layerName, double flops, double outputBytes, double paramBytes, List<String> inputs) {
        if (layerName == null) throw new InvalidInputException(path() + ".name", "must not be null");
        layers.add(new Layer(layerName, flops, outputBytes, paramBytes, inputs));
        return this;
    }

    private String path() { return "layers[" + layers.size() + "]"; }

    /** The model; it is checked with the instance that uses it. */
    public DnnModel build() { return new DnnModel(name, inputBytes, layers); }
}
