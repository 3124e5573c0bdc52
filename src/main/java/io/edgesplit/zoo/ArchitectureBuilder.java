package io.edgesplit.zoo;

import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Layer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link DnnModel} from an architecture definition while tracking tensor shapes, so that the zoo
 * holds no hand-typed numbers: every FLOP count, tensor size and parameter count follows from the layer
 * shapes. Each call adds one schedulable layer and returns the tensor it produces; passing tensors (rather
 * than "the previous layer") is what lets branches, skips and joins be written down directly. Layers are
 * listed in call order, which is a topological order because a call can only use tensors that exist.
 *
 * <p>Conventions (see {@link ModelZoo} for the reasons):
 * <ul>
 *   <li>tensors are fp32: {@code outputBytes = 4 × C × H × W}, {@code paramBytes = 4 × params};</li>
 *   <li>params are PyTorch's {@code parameters()}: weights, biases and batch-norm γ/β (2 per channel);
 *       batch-norm running mean/variance are buffers and do not count;</li>
 *   <li>conv and fc FLOPs are 2 × multiply-accumulates (bias additions not counted); batch norm and the
 *       activation are folded into the conv and cost nothing (at inference batch norm folds into the
 *       conv weights);</li>
 *   <li>pooling costs one operation per window element per output ({@code C × Ho × Wo × k²}; a global
 *       average pool {@code C × H × W}), an elementwise add one operation per output element per extra
 *       operand, a concat nothing (it only moves data).</li>
 * </ul>
 */
final class ArchitectureBuilder {

    /** Bytes per tensor element and per parameter (fp32). */
    static final int BYTES_PER_VALUE = 4;

    /**
     * A tensor of shape C×H×W (a flat vector is C×1×1).
     *
     * @param producer the layer that produces it, or null for the model input
     */
    record Tensor(String producer, int channels, int height, int width) {
        long elements() { return (long) channels * height * width; }
    }

    private final String modelName;
    private final Tensor input;
    private final List<Layer> layers = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** A model whose input is a C×H×W tensor. */
    ArchitectureBuilder(String modelName, int channels, int height, int width) {
        this.modelName = modelName;
        this.input = new Tensor(null, channels, height, width);
        positive(channels, "input channels");
        positive(height, "input height");
        positive(width, "input width");
    }

    /** The model-input tensor. */
    Tensor input() { return input; }

    /**
     * A 2-D convolution with a square kernel, optionally followed by batch norm; the activation (if any) is
     * folded in and free.
     *
     * @param groups 1 for a dense conv, {@code in.channels} for a depthwise one
     * @param bias   whether the conv itself has a bias (torchvision: yes without batch norm, no with it)
     * @param bn     whether batch norm follows (adds 2 learnable parameters per output channel)
     */
    Tensor conv(String name, Tensor in, int outChannels, int kernel, int stride, int padding, int groups,
                boolean bias, boolean bn) {
        positive(outChannels, name + ": output channels");
        positive(kernel, name + ": kernel");
        positive(stride, name + ": stride");
        positive(groups, name + ": groups");
        if (padding < 0) throw shape(name, "negative padding " + padding);
        if (in.channels() % groups != 0 || outChannels % groups != 0)
            throw shape(name, "groups " + groups + " must divide input channels " + in.channels()
                    + " and output channels " + outChannels);
        int h = outSize(name, in.height(), kernel, stride, padding, false);
        int w = outSize(name, in.width(), kernel, stride, padding, false);
        long weightsPerOutput = (long) (in.channels() / groups) * kernel * kernel;
        long params = outChannels * weightsPerOutput + (bias ? outChannels : 0) + (bn ? 2L * outChannels : 0);
        long macs = (long) outChannels * h * w * weightsPerOutput;
        return add(name, List.of(in), 2 * macs, params, outChannels, h, w);
    }

    /** A dense conv followed by batch norm, without conv bias (torchvision's conv-BN-ReLU blocks). */
    Tensor convBn(String name, Tensor in, int outChannels, int kernel, int stride, int padding) {
        return conv(name, in, outChannels, kernel, stride, padding, 1, false, true);
    }

    /** A dense conv with bias and no batch norm (AlexNet, VGG16). */
    Tensor convBias(String name, Tensor in, int outChannels, int kernel, int stride, int padding) {
        return conv(name, in, outChannels, kernel, stride, padding, 1, true, false);
    }

    /** Max pooling (also used for average pooling: the cost convention is the same). */
    Tensor pool(String name, Tensor in, int kernel, int stride, int padding, boolean ceilMode) {
        positive(kernel, name + ": kernel");
        positive(stride, name + ": stride");
        if (padding < 0 || 2 * padding > kernel)
            throw shape(name, "padding " + padding + " must be between 0 and half the kernel " + kernel);
        int h = outSize(name, in.height(), kernel, stride, padding, ceilMode);
        int w = outSize(name, in.width(), kernel, stride, padding, ceilMode);
        long ops = (long) in.channels() * h * w * kernel * kernel;
        return add(name, List.of(in), ops, 0, in.channels(), h, w);
    }

    /** Global average pooling to C×1×1. */
    Tensor globalAvgPool(String name, Tensor in) {
        return add(name, List.of(in), in.elements(), 0, in.channels(), 1, 1);
    }

    /** A fully connected layer with bias, reading its input flattened. */
    Tensor fc(String name, Tensor in, int outFeatures) {
        positive(outFeatures, name + ": output features");
        long inFeatures = in.elements();
        long params = inFeatures * outFeatures + outFeatures;
        return add(name, List.of(in), 2 * inFeatures * outFeatures, params, outFeatures, 1, 1);
    }

    /** Elementwise sum of same-shaped tensors (a residual join; a following activation is folded in). */
    Tensor sum(String name, Tensor... ins) {
        if (ins.length < 2) throw shape(name, "an add needs at least two operands");
        for (Tensor t : ins)
            if (t.channels() != ins[0].channels() || t.height() != ins[0].height() || t.width() != ins[0].width())
                throw shape(name, "add operands differ in shape: " + describe(ins[0]) + " vs " + describe(t));
        return add(name, List.of(ins), (ins.length - 1) * ins[0].elements(), 0,
                ins[0].channels(), ins[0].height(), ins[0].width());
    }

    /** Channel concatenation of tensors with equal height and width. */
    Tensor concat(String name, Tensor... ins) {
        if (ins.length < 2) throw shape(name, "a concat needs at least two operands");
        int channels = 0;
        for (Tensor t : ins) {
            if (t.height() != ins[0].height() || t.width() != ins[0].width())
                throw shape(name, "concat operands differ in height/width: " + describe(ins[0]) + " vs " + describe(t));
            channels += t.channels();
        }
        return add(name, List.of(ins), 0, 0, channels, ins[0].height(), ins[0].width());
    }

    /** The model: input bytes from the input shape, the layers in call order. */
    DnnModel build() {
        if (layers.isEmpty()) throw new IllegalStateException(modelName + ": no layers");
        return new DnnModel(modelName, (double) BYTES_PER_VALUE * input.elements(), layers);
    }

    private Tensor add(String name, List<Tensor> ins, long flops, long params, int c, int h, int w) {
        if (name == null || name.isBlank() || name.equals("input"))
            throw new IllegalArgumentException(modelName + ": invalid layer name \"" + name + "\"");
        if (names.contains(name)) throw new IllegalArgumentException(modelName + ": duplicate layer name \"" + name + "\"");
        List<String> inputs = new ArrayList<>();
        for (Tensor t : ins) {
            if (t.producer() == null ? t != input : !names.contains(t.producer()))
                throw shape(name, "reads a tensor of another model");
            if (t.producer() != null && !inputs.contains(t.producer())) inputs.add(t.producer());
        }
        names.add(name);
        Tensor out = new Tensor(name, c, h, w);
        layers.add(new Layer(name, flops, (double) BYTES_PER_VALUE * out.elements(),
                (double) BYTES_PER_VALUE * params, inputs));
        return out;
    }

    /**
     * PyTorch's output size: {@code floor((n + 2p − k) / s) + 1}, or with ceil mode
     * {@code ceil(...) + 1}, less one when the last window would start inside the right padding only.
     */
    private int outSize(String name, int n, int kernel, int stride, int padding, boolean ceilMode) {
        int span = n + 2 * padding - kernel;
        if (span < 0) throw shape(name, "kernel " + kernel + " larger than padded input " + (n + 2 * padding));
        int out = (ceilMode ? Math.floorDiv(span + stride - 1, stride) : Math.floorDiv(span, stride)) + 1;
        if (ceilMode && (out - 1) * stride >= n + padding) out--;
        return out;
    }

    private IllegalArgumentException shape(String layer, String msg) {
        return new IllegalArgumentException(modelName + "." + layer + ": " + msg);
    }

    private void positive(int v, String what) {
        if (v <= 0) throw new IllegalArgumentException(modelName + ": " + what + " must be positive, got " + v);
    }

    private static String describe(Tensor t) {
        return t.channels() + "x" + t.height() + "x" + t.width();
    }
}
