package io.edgesplit.zoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InstanceChecks;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.zoo.ArchitectureBuilder.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelZooTest {

    /**
     * What each model must be. {@code params} is the reference implementation's exact count
     * (torchvision's {@code num_params}; for vgg5 PyTorch's parameter count of the authors' model),
     * {@code publishedMacs} the published multiply-accumulates (torchvision's {@code _ops}, which it labels
     * GFLOPS; for vgg5 the authors' {@code total_flops}, also MACs), {@code flops} our own exact total so
     * that any change shows.
     */
    record Expected(String name, int layers, long params, double publishedMacs, long flops, int multiInput,
                    double inputBytes) {}

    static final List<Expected> EXPECTED = List.of(
            new Expected("vgg5", 7, 582_346L, 8_488_192, 17_025_536L, 0, 12_288),
            new Expected("alexnet", 11, 61_100_840L, 0.714e9, 1_429_171_840L, 0, 602_112),
            new Expected("vgg16", 21, 138_357_544L, 15.47e9, 30_946_650_112L, 0, 602_112),
            new Expected("resnet18", 31, 11_689_512L, 1.814e9, 3_630_730_752L, 8, 602_112),
            new Expected("resnet50", 72, 25_557_032L, 4.089e9, 8_185_794_560L, 16, 602_112),
            new Expected("mobilenet_v2", 64, 3_504_872L, 0.301e9, 601_827_648L, 10, 602_112),
            new Expected("googlenet", 81, 6_624_904L, 1.498e9, 3_009_355_968L, 9, 602_112));

    static Stream<Expected> expected() { return EXPECTED.stream(); }

    static Stream<String> names() { return ModelZoo.names().stream(); }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // ------------------------------------------------------------------ registry

    @Test
    void namesListsTheSevenModelsInAFixedOrder() {
        assertEquals(List.of("vgg5", "alexnet", "vgg16", "resnet18", "resnet50", "mobilenet_v2", "googlenet"),
                ModelZoo.names());
        List<String> allNames = ModelZoo.all().stream().map(DnnModel::name).toList();
        assertEquals(ModelZoo.names(), allNames);
    }

    @Test
    void unknownModelIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelZoo.get("resnet101"));
        assertTrue(e.getMessage().contains("resnet101"), e.getMessage());
        for (String n : ModelZoo.names()) assertTrue(e.getMessage().contains(n), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelZoo.get(null));
    }

    @Test
    void modelsAreBuiltOnceAndCarryNoZooMark() {
        assertSame(ModelZoo.get("resnet50"), ModelZoo.get("resnet50"));
        for (DnnModel m : ModelZoo.all()) assertEquals(null, m.zoo(), m.name());
    }

    // ------------------------------------------------------------------ pinned numbers

    @ParameterizedTest
    @MethodSource("expected")
    void parameterCountEqualsTheReferenceImplementationExactly(Expected x) {
        DnnModel m = ModelZoo.get(x.name());
        assertEquals(x.params() * 4.0, m.totalParamBytes(), 0.0, x.name() + " paramBytes");
        for (Layer l : m.layers())
            assertEquals(0.0, l.paramBytes() % 4, l.name() + ": paramBytes must be 4 x an integer");
    }

    @ParameterizedTest
    @MethodSource("expected")
    void flopsArePinnedAndWithinOnePercentOfTwiceThePublishedMacs(Expected x) {
        DnnModel m = ModelZoo.get(x.name());
        assertEquals((double) x.flops(), m.totalFlops(), 0.0, x.name() + " total FLOPs");
        double published = 2 * x.publishedMacs();
        double rel = Math.abs(m.totalFlops() - published) / published;
        assertTrue(rel < 0.01, x.name() + ": " + m.totalFlops() + " FLOPs vs published 2 x " + x.publishedMacs()
                + " MACs: off by " + rel * 100 + " %");
    }

    @ParameterizedTest
    @MethodSource("expected")
    void layerCountInputSizeAndJoinsArePinned(Expected x) {
        DnnModel m = ModelZoo.get(x.name());
        assertEquals(x.layers(), m.layerCount(), x.name() + " layers");
        assertEquals(x.inputBytes(), m.inputBytes(), 0.0, x.name() + " inputBytes");
        assertEquals(x.multiInput(), m.layers().stream().filter(l -> l.inputs().size() > 1).count(),
                x.name() + " multi-input layers");
    }

    @Test
    void vgg5IsTheAuthorsSevenLayerChain() {
        DnnModel m = ModelZoo.get("vgg5");
        assertEquals(List.of("conv1", "pool1", "conv2", "pool2", "conv3", "fc1", "fc2"),
                m.layers().stream().map(Layer::name).toList());
        Layer conv1 = m.layers().get(0);
        assertEquals(1_769_472, conv1.flops(), 0.0);   // 2 x 32x32 outputs x 32 channels x 3x3x3
        assertEquals(131_072, conv1.outputBytes(), 0.0); // 4 x 32x32x32
        assertEquals(4 * (3 * 32 * 9 + 32 + 2 * 32), conv1.paramBytes(), 0.0); // weights + bias + BN gamma/beta
        assertEquals(List.of(), conv1.inputs());
        Layer fc1 = m.layers().get(5);
        assertEquals(4 * (4096 * 128 + 128), fc1.paramBytes(), 0.0);
        assertEquals(40, m.layers().get(6).outputBytes(), 0.0); // 10 logits
    }

    @Test
    void residualAndInceptionJoinsHaveTheRightShapes() {
        DnnModel r50 = ModelZoo.get("resnet50");
        Layer add = layer(r50, "layer1.0.add");
        assertEquals(List.of("layer1.0.conv3", "layer1.0.downsample"), add.inputs());
        assertEquals(4.0 * 256 * 56 * 56, add.outputBytes(), 0.0);
        assertEquals(List.of("maxpool"), layer(r50, "layer1.0.downsample").inputs());
        assertEquals(List.of("layer1.1.conv3", "layer1.0.add"), layer(r50, "layer1.1.add").inputs());

        DnnModel g = ModelZoo.get("googlenet");
        Layer concat = layer(g, "inception3a.concat");
        double sum = 0;
        for (String in : concat.inputs()) sum += layer(g, in).outputBytes();
        assertEquals(sum, concat.outputBytes(), 0.0);
        assertEquals(4.0 * 256 * 28 * 28, concat.outputBytes(), 0.0);
        assertEquals(4.0 * 1024 * 7 * 7, layer(g, "inception5b.concat").outputBytes(), 0.0);
        for (String b : List.of("branch1", "branch2.0", "branch3.0", "branch4.0"))
            assertEquals(List.of("maxpool2"), layer(g, "inception3a." + b).inputs());

        DnnModel mb = ModelZoo.get("mobilenet_v2");
        assertEquals(List.of("features.2.project", "features.3.project"), layer(mb, "features.3.add").inputs());
        assertEquals(4.0 * 320 * 7 * 7, layer(mb, "features.17.project").outputBytes(), 0.0);
        // depthwise: one 3x3 filter per channel, plus BN
        assertEquals(4.0 * (96 * 9 + 2 * 96), layer(mb, "features.2.dw").paramBytes(), 0.0);
    }

    // ------------------------------------------------------------------ structure

    @ParameterizedTest
    @MethodSource("names")
    void layersAreUniqueNamedAndInTopologicalOrder(String name) {
        DnnModel m = ModelZoo.get(name);
        Set<String> seen = new HashSet<>();
        for (Layer l : m.layers()) {
            assertFalse(l.name().isBlank(), name);
            assertFalse(l.name().equals("input"), name + ": the name \"input\" is reserved");
            for (String in : l.inputs())
                assertTrue(seen.contains(in), name + "." + l.name() + " reads " + in + ", not listed before it");
            assertEquals(l.inputs().size(), new HashSet<>(l.inputs()).size(), name + "." + l.name() + " duplicate input");
            assertTrue(seen.add(l.name()), name + ": duplicate layer " + l.name());
            assertTrue(l.flops() >= 0 && l.outputBytes() > 0 && l.paramBytes() >= 0, name + "." + l.name());
        }
        assertEquals(List.of(), m.layers().get(0).inputs(), name + ": the first layer reads the model input");
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyModelHasOneOutputTheClassifier(String name) {
        DnnModel m = ModelZoo.get(name);
        Set<String> used = new HashSet<>();
        m.layers().forEach(l -> used.addAll(l.inputs()));
        List<String> outputs = m.layers().stream().map(Layer::name).filter(n -> !used.contains(n)).toList();
        Layer last = m.layers().get(m.layerCount() - 1);
        assertEquals(List.of(last.name()), outputs, name + " outputs");
        assertEquals(name.equals("vgg5") ? 40.0 : 4000.0, last.outputBytes(), 0.0, name + " logits");
    }

    @Test
    void chainsAreChainsAndDagsReallyBranch() {
        for (String chain : List.of("vgg5", "alexnet", "vgg16")) {
            DnnModel m = ModelZoo.get(chain);
            for (int i = 1; i < m.layerCount(); i++)
                assertEquals(List.of(m.layers().get(i - 1).name()), m.layers().get(i).inputs(), chain);
        }
        for (String dag : List.of("resnet18", "resnet50", "mobilenet_v2", "googlenet")) {
            DnnModel m = ModelZoo.get(dag);
            assertTrue(m.layers().stream().anyMatch(l -> l.inputs().size() > 1), dag + " has no join");
            // a layer read by several others = a fork
            Map<String, Integer> readers = new HashMap<>();
            m.layers().forEach(l -> l.inputs().forEach(in -> readers.merge(in, 1, Integer::sum)));
            assertTrue(readers.values().stream().anyMatch(c -> c > 1), dag + " has no fork");
        }
    }

    @Test
    void theProjectsOwnInstanceChecksAcceptEveryZooModel() {
        Instance in = new Instance("zoo", Instance.DEFAULT_TIME_UNIT, Objective.MAKESPAN, Granularity.SEGMENT,
                Contention.INGRESS, ModelZoo.all(), List.of(new Node("dev", NodeKind.DEVICE, 1e9)),
                Network.uniform(1e7, 0), List.of(),
                ModelZoo.names().stream().map(n -> new Task("t-" + n, n, "dev", 0)).toList(), null);
        InstanceChecks.check(in);
    }

    // ------------------------------------------------------------------ committed files

    @ParameterizedTest
    @MethodSource("names")
    void committedJsonEqualsWhatTheCodeGenerates(String name) throws IOException {
        Path file = Path.of("datasets", "models", name + ".json");
        assertTrue(Files.exists(file), file + " is missing: run ZooExport datasets/models");
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(ZooExport.toJson(ModelZoo.get(name)), committed,
                file + " is stale: regenerate with ZooExport datasets/models");
    }

    @ParameterizedTest
    @MethodSource("names")
    void jsonReadsBackToTheSameModelUnderTheInstanceFormatRules(String name) throws IOException {
        DnnModel m = ModelZoo.get(name);
        JsonNode root = MAPPER.readTree(ZooExport.toJson(m));
        assertEquals(Set.of("name", "inputBytes", "layers"), fieldNames(root));
        assertEquals(name, root.get("name").asText());
        assertTrue(root.get("inputBytes").isIntegralNumber());
        List<Layer> layers = new ArrayList<>();
        String previous = null;
        for (JsonNode l : root.get("layers")) {
            Set<String> fields = fieldNames(l);
            assertTrue(Set.of("name", "flops", "outputBytes", "paramBytes", "inputs").containsAll(fields), fields.toString());
            for (String f : List.of("flops", "outputBytes", "paramBytes"))
                assertTrue(l.get(f).isIntegralNumber(), name + ": " + f + " written as " + l.get(f));
            List<String> inputs;
            if (l.has("inputs")) {
                inputs = new ArrayList<>();
                l.get("inputs").forEach(i -> inputs.add(i.asText()));
                assertFalse(inputs.equals(previous == null ? List.of() : List.of(previous)),
                        name + "." + l.get("name").asText() + ": inputs written although implied");
            } else {
                inputs = previous == null ? List.of() : List.of(previous);
            }
            layers.add(new Layer(l.get("name").asText(), l.get("flops").asDouble(), l.get("outputBytes").asDouble(),
                    l.get("paramBytes").asDouble(), inputs));
            previous = l.get("name").asText();
        }
        assertEquals(m, new DnnModel(name, root.get("inputBytes").asDouble(), layers));
    }

    @Test
    void docsTableMatchesTheCode() throws IOException {
        Path doc = Path.of("docs", "zoo.md");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        for (String row : ZooExport.summaryTable(ModelZoo.all()).split("\n"))
            assertTrue(text.contains(row), doc + " lacks the row (regenerate with ZooExport DIR --table):\n" + row);
    }

    // ------------------------------------------------------------------ the builder

    @Test
    void builderFollowsPyTorchOutputSizes() {
        ArchitectureBuilder b = new ArchitectureBuilder("t", 3, 112, 112);
        Tensor ceil = b.pool("ceil", b.input(), 3, 2, 0, true);
        assertEquals(56, ceil.height());              // ceil(109 / 2) + 1
        Tensor floor = b.pool("floor", b.input(), 3, 2, 0, false);
        assertEquals(55, floor.height());             // floor(109 / 2) + 1
        Tensor padded = b.pool("padded", b.input(), 3, 2, 1, false);
        assertEquals(56, padded.height());
        Tensor same = b.pool("same", b.input(), 3, 1, 1, true);
        assertEquals(112, same.height());
        // ceil mode never lets a window start in the right padding only: 5 -> k2 s2 p1 gives 3, not 4
        ArchitectureBuilder c = new ArchitectureBuilder("c", 1, 5, 5);
        assertEquals(3, c.pool("p", c.input(), 2, 2, 1, true).height());
        Tensor conv = b.conv("conv", b.input(), 8, 7, 2, 3, 1, false, true);
        assertEquals(56, conv.height());
        DnnModel m = b.build();
        assertEquals(4 * (8 * 3 * 49 + 2 * 8), m.layers().get(4).paramBytes(), 0.0);
        assertEquals(2.0 * 8 * 56 * 56 * 3 * 49, m.layers().get(4).flops(), 0.0);
    }

    @Test
    void builderRejectsInconsistentArchitectures() {
        ArchitectureBuilder b = new ArchitectureBuilder("t", 4, 8, 8);
        Tensor a = b.convBn("a", b.input(), 8, 3, 1, 1);
        Tensor s = b.convBn("s", b.input(), 8, 3, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> b.sum("bad", a, s));
        assertThrows(IllegalArgumentException.class, () -> b.concat("bad", a, s));
        assertThrows(IllegalArgumentException.class, () -> b.convBn("a", a, 8, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> b.convBn("input", a, 8, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> b.conv("g", a, 6, 3, 1, 1, 4, false, false));
        assertThrows(IllegalArgumentException.class, () -> b.convBn("big", s, 8, 9, 1, 0));
        ArchitectureBuilder other = new ArchitectureBuilder("o", 4, 8, 8);
        assertThrows(IllegalArgumentException.class, () -> other.convBn("x", a, 8, 1, 1, 0));
        Tensor sum = b.sum("ok", a, b.convBn("a2", a, 8, 1, 1, 0));
        assertNotNull(sum);
        assertEquals(List.of("a", "a2"), b.build().layers().get(3).inputs());
    }

    private static Layer layer(DnnModel m, String name) {
        int i = m.indexOf(name);
        assertTrue(i >= 0, m.name() + " has no layer " + name);
        return m.layers().get(i);
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
