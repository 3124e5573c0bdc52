package io.edgesplit.model;

import java.util.List;
import java.util.Objects;

/**
 * A DNN: layers in a topological list order (docs/model.md §1).
 *
 * @param zoo the zoo name when the instance referenced the model as {@code {"zoo": NAME}} (kept so that
 *            writing the instance back gives the same reference), otherwise null
 */
public record DnnModel(String name, double inputBytes, List<Layer> layers, String zoo) {
    public DnnModel {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
    }

    public DnnModel(String name, double inputBytes, List<Layer> layers) {
        this(name, inputBytes, layers, null);
    }

    /** The same model, marked as referenced from the zoo. */
    public DnnModel asZooReference() { return new DnnModel(name, inputBytes, layers, name); }

    public int layerCount() { return layers.size(); }

    public double totalFlops() { return layers.stream().mapToDouble(Layer::flops).sum(); }

    public double totalParamBytes() { return layers.stream().mapToDouble(Layer::paramBytes).sum(); }

    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).name().equals(layerName)) return i;
        return -1;
    }
}
