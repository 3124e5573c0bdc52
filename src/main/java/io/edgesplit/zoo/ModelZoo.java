package io.edgesplit.zoo;

import io.edgesplit.model.DnnModel;
import io.edgesplit.zoo.ArchitectureBuilder.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The model zoo (docs/datasets.md): seven DNNs generated from their architecture definitions by
 * {@link ArchitectureBuilder}, so every number follows from the layer shapes and none is typed in.
 *
 * <ul>
 *   <li>{@code vgg5}: the seed paper authors' CIFAR-10 VGG5 (32×32×3 input, 10 classes), 7 layers;</li>
 *   <li>{@code alexnet}, {@code vgg16}, {@code resnet18}, {@code resnet50}, {@code mobilenet_v2},
 *       {@code googlenet}: as torchvision builds them (224×224×3 input, 1000 classes; GoogLeNet without
 *       the auxiliary classifiers, which only run in training).</li>
 * </ul>
 *
 * <h2>Granularity</h2>
 * One layer is one schedulable unit: a conv with its batch norm and activation folded in, a pooling, a
 * fully connected layer, a residual {@code add} (ResNet, MobileNetV2; the ReLU after a ResNet add is folded
 * into it) and an inception {@code concat} (GoogLeNet). The branch and skip structure is kept, so ResNet,
 * MobileNetV2 and GoogLeNet are DAGs: a ResNet block lists its convs, then the downsample conv (when the
 * block has one), then the add, in torchvision's forward order; an inception module lists its four
 * branches in order, then the concat. Dropout (identity at inference) and flatten are not layers;
 * neither is AlexNet's and VGG16's adaptive average pool to 6×6 / 7×7, which is the identity on a 224×224
 * input.
 *
 * <h2>Counting conventions</h2>
 * <ul>
 *   <li>Tensors are fp32: {@code outputBytes = 4 × C×H×W}, {@code paramBytes = 4 × params},
 *       {@code inputBytes = 4 × 3×H×W}.</li>
 *   <li>Params follow PyTorch's {@code sum(p.numel() for p in model.parameters())}: weights, biases and
 *       batch-norm γ and β (2 per channel, counted in the conv they follow). Batch-norm running mean and
 *       variance are buffers, not parameters, and are not counted. The totals equal torchvision's
 *       published counts exactly.</li>
 *   <li>FLOPs = 2 × multiply-accumulates of convs and fully connected layers (bias additions not
 *       counted); batch norm and activations are free (at inference batch norm folds into the conv's
 *       weights). Small extras keep non-conv layers from being free: a pooling costs one operation per
 *       window element per output, a global average pool one per input element, a residual add one per
 *       output element; a concat costs nothing. With these extras the totals stay within 0.5 % of twice the
 *       published multiply-accumulate counts.</li>
 * </ul>
 *
 * <p>Models are built once, on first use; {@link DnnModel} is immutable, so callers share them.
 * A model from {@link #get} has no zoo mark ({@code zoo() == null}); an instance reader that resolves
 * {@code {"zoo": NAME}} should call {@link DnnModel#asZooReference()} on it.
 */
public final class ModelZoo {
    private ModelZoo() {}

    private static final Map<String, Supplier<DnnModel>> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put("vgg5", ModelZoo::vgg5);
        DEFINITIONS.put("alexnet", ModelZoo::alexnet);
        DEFINITIONS.put("vgg16", ModelZoo::vgg16);
        DEFINITIONS.put("resnet18", () -> resnet("resnet18", false, new int[] {2, 2, 2, 2}));
        DEFINITIONS.put("resnet50", () -> resnet("resnet50", true, new int[] {3, 4, 6, 3}));
        DEFINITIONS.put("mobilenet_v2", ModelZoo::mobilenetV2);
        DEFINITIONS.put("googlenet", ModelZoo::googlenet);
    }

    /** Built on first use (holder idiom: thread-safe, no locking after). */
    private static final class Built {
        static final Map<String, DnnModel> MODELS;

        static {
            Map<String, DnnModel> m = new LinkedHashMap<>();
            DEFINITIONS.forEach((name, def) -> m.put(name, def.get()));
            MODELS = Collections.unmodifiableMap(m);
        }
    }

    /** The zoo's model names, in a fixed order (smallest and chains first). */
    public static List<String> names() { return List.copyOf(DEFINITIONS.keySet()); }

    /**
     * The model called {@code name}.
     *
     * @throws IllegalArgumentException when the zoo has no such model; the message names the known ones
     */
    public static DnnModel get(String name) {
        DnnModel m = name == null ? null : Built.MODELS.get(name);
        if (m == null)
            throw new IllegalArgumentException("unknown zoo model \"" + name + "\" (known: "
                    + String.join(", ", names()) + ")");
        return m;
    }

    /** Every zoo model, in {@link #names()} order. */
    public static List<DnnModel> all() { return List.copyOf(Built.MODELS.values()); }

    // ---------------------------------------------------------------- definitions

    /**
     * The seed paper authors' CIFAR-10 VGG5: three 3×3 convs (padding 1, with bias, each followed by batch
     * norm and ReLU) with 2×2 max pools after the first two, then fc 4096→128 and fc 128→10.
     */
    private static DnnModel vgg5() {
        ArchitectureBuilder b = new ArchitectureBuilder("vgg5", 3, 32, 32);
        Tensor x = b.conv("conv1", b.input(), 32, 3, 1, 1, 1, true, true);
        x = b.pool("pool1", x, 2, 2, 0, false);
        x = b.conv("conv2", x, 64, 3, 1, 1, 1, true, true);
        x = b.pool("pool2", x, 2, 2, 0, false);
        x = b.conv("conv3", x, 64, 3, 1, 1, 1, true, true);
        x = b.fc("fc1", x, 128);
        b.fc("fc2", x, 10);
        return b.build();
    }

    /** torchvision {@code alexnet} (the one-GPU variant of Krizhevsky et al., 2014 "one weird trick"). */
    private static DnnModel alexnet() {
        ArchitectureBuilder b = new ArchitectureBuilder("alexnet", 3, 224, 224);
        Tensor x = b.convBias("conv1", b.input(), 64, 11, 4, 2);
        x = b.pool("pool1", x, 3, 2, 0, false);
        x = b.convBias("conv2", x, 192, 5, 1, 2);
        x = b.pool("pool2", x, 3, 2, 0, false);
        x = b.convBias("conv3", x, 384, 3, 1, 1);
        x = b.convBias("conv4", x, 256, 3, 1, 1);
        x = b.convBias("conv5", x, 256, 3, 1, 1);
        x = b.pool("pool5", x, 3, 2, 0, false);
        x = b.fc("fc6", x, 4096);
        x = b.fc("fc7", x, 4096);
        b.fc("fc8", x, 1000);
        return b.build();
    }

    /** torchvision {@code vgg16} (configuration D, no batch norm). */
    private static DnnModel vgg16() {
        ArchitectureBuilder b = new ArchitectureBuilder("vgg16", 3, 224, 224);
        int[][] stages = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        Tensor x = b.input();
        for (int s = 0; s < stages.length; s++) {
            for (int c = 0; c < stages[s].length; c++)
                x = b.convBias("conv" + (s + 1) + "_" + (c + 1), x, stages[s][c], 3, 1, 1);
            x = b.pool("pool" + (s + 1), x, 2, 2, 0, false);
        }
        x = b.fc("fc6", x, 4096);
        x = b.fc("fc7", x, 4096);
        b.fc("fc8", x, 1000);
        return b.build();
    }

    /**
     * torchvision {@code resnet18} (basic blocks) and {@code resnet50} (bottleneck blocks, "v1.5": the
     * stride sits on the 3×3 conv). Every conv is bias-free and followed by batch norm; a block whose
     * stride or width changes has a 1×1 downsample conv + batch norm on the skip path.
     */
    private static DnnModel resnet(String name, boolean bottleneck, int[] blocks) {
        ArchitectureBuilder b = new ArchitectureBuilder(name, 3, 224, 224);
        Tensor x = b.convBn("conv1", b.input(), 64, 7, 2, 3);
        x = b.pool("maxpool", x, 3, 2, 1, false);
        int expansion = bottleneck ? 4 : 1;
        for (int stage = 0; stage < blocks.length; stage++) {
            int width = 64 << stage;
            for (int i = 0; i < blocks[stage]; i++) {
                String p = "layer" + (stage + 1) + "." + i + ".";
                int stride = stage > 0 && i == 0 ? 2 : 1;
                Tensor in = x;
                Tensor y;
                if (bottleneck) {
                    y = b.convBn(p + "conv1", in, width, 1, 1, 0);
                    y = b.convBn(p + "conv2", y, width, 3, stride, 1);
                    y = b.convBn(p + "conv3", y, width * expansion, 1, 1, 0);
                } else {
                    y = b.convBn(p + "conv1", in, width, 3, stride, 1);
                    y = b.convBn(p + "conv2", y, width, 3, 1, 1);
                }
                Tensor skip = in;
                if (stride != 1 || in.channels() != width * expansion)
                    skip = b.convBn(p + "downsample", in, width * expansion, 1, stride, 0);
                x = b.sum(p + "add", y, skip);
            }
        }
        x = b.globalAvgPool("avgpool", x);
        b.fc("fc", x, 1000);
        return b.build();
    }

    /**
     * torchvision {@code mobilenet_v2} (width 1.0): a 3×3 stride-2 stem, 17 inverted-residual blocks
     * (1×1 expand unless the expansion factor is 1, 3×3 depthwise, 1×1 linear projection; every conv
     * bias-free with batch norm), a residual add when a block keeps stride 1 and its width, a 1×1 conv to
     * 1280 channels, global average pooling and the classifier. Names follow torchvision's
     * {@code features.N} numbering.
     */
    private static DnnModel mobilenetV2() {
        ArchitectureBuilder b = new ArchitectureBuilder("mobilenet_v2", 3, 224, 224);
        // expansion t, output channels c, repeats n, first stride s (Sandler et al. 2018, table 2)
        int[][] settings = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2},
                            {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        Tensor x = b.convBn("features.0", b.input(), 32, 3, 2, 1);
        int index = 1;
        for (int[] s : settings) {
            for (int i = 0; i < s[2]; i++, index++) {
                String p = "features." + index + ".";
                int stride = i == 0 ? s[3] : 1;
                Tensor in = x;
                int hidden = in.channels() * s[0];
                Tensor y = in;
                if (s[0] != 1) y = b.convBn(p + "expand", y, hidden, 1, 1, 0);
                y = b.conv(p + "dw", y, hidden, 3, stride, 1, hidden, false, true);
                y = b.convBn(p + "project", y, s[1], 1, 1, 0);
                x = stride == 1 && in.channels() == s[1] ? b.sum(p + "add", in, y) : y;
            }
        }
        x = b.convBn("features." + index, x, 1280, 1, 1, 0);
        x = b.globalAvgPool("avgpool", x);
        b.fc("classifier", x, 1000);
        return b.build();
    }

    /**
     * torchvision {@code googlenet} (Inception v1) without auxiliary classifiers. Every conv is
     * torchvision's {@code BasicConv2d}: conv without bias + batch norm + ReLU. As in torchvision, the
     * "5×5" branch uses a 3×3 kernel; max pools use ceil mode.
     */
    private static DnnModel googlenet() {
        ArchitectureBuilder b = new ArchitectureBuilder("googlenet", 3, 224, 224);
        Tensor x = b.convBn("conv1", b.input(), 64, 7, 2, 3);
        x = b.pool("maxpool1", x, 3, 2, 0, true);
        x = b.convBn("conv2", x, 64, 1, 1, 0);
        x = b.convBn("conv3", x, 192, 3, 1, 1);
        x = b.pool("maxpool2", x, 3, 2, 0, true);
        x = inception(b, "inception3a", x, 64, 96, 128, 16, 32, 32);
        x = inception(b, "inception3b", x, 128, 128, 192, 32, 96, 64);
        x = b.pool("maxpool3", x, 3, 2, 0, true);
        x = inception(b, "inception4a", x, 192, 96, 208, 16, 48, 64);
        x = inception(b, "inception4b", x, 160, 112, 224, 24, 64, 64);
        x = inception(b, "inception4c", x, 128, 128, 256, 24, 64, 64);
        x = inception(b, "inception4d", x, 112, 144, 288, 32, 64, 64);
        x = inception(b, "inception4e", x, 256, 160, 320, 32, 128, 128);
        x = b.pool("maxpool4", x, 2, 2, 0, true);
        x = inception(b, "inception5a", x, 256, 160, 320, 32, 128, 128);
        x = inception(b, "inception5b", x, 384, 192, 384, 48, 128, 128);
        x = b.globalAvgPool("avgpool", x);
        b.fc("fc", x, 1000);
        return b.build();
    }

    /** One inception module: four branches on {@code in}, then their channel concat. */
    private static Tensor inception(ArchitectureBuilder b, String name, Tensor in, int ch1x1, int ch3x3red,
                                    int ch3x3, int ch5x5red, int ch5x5, int poolProj) {
        String p = name + ".";
        Tensor b1 = b.convBn(p + "branch1", in, ch1x1, 1, 1, 0);
        Tensor b2 = b.convBn(p + "branch2.0", in, ch3x3red, 1, 1, 0);
        b2 = b.convBn(p + "branch2.1", b2, ch3x3, 3, 1, 1);
        Tensor b3 = b.convBn(p + "branch3.0", in, ch5x5red, 1, 1, 0);
        b3 = b.convBn(p + "branch3.1", b3, ch5x5, 3, 1, 1);
        Tensor b4 = b.pool(p + "branch4.0", in, 3, 1, 1, true);
        b4 = b.convBn(p + "branch4.1", b4, poolProj, 1, 1, 0);
        return b.concat(p + "concat", b1, b2, b3, b4);
    }
}
