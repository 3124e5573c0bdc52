package io.edgesplit.generate;

import io.edgesplit.cli.Main;
import io.edgesplit.generate.ScenarioGenerator.Family;
import io.edgesplit.generate.ScenarioGenerator.SizeClass;
import io.edgesplit.generate.ScenarioGenerator.Spec;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.zoo.ModelZoo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioGeneratorTest {

    private static Instance gen(Family f, SizeClass c, long seed) { return ScenarioGenerator.generate(Spec.of(f, c, seed)); }

    @Test
    void theSameSpecGivesTheSameInstanceAndFileAndAnotherSeedAnotherOne() {
        for (Family f : Family.values()) {
            Spec spec = Spec.of(f, SizeClass.MEDIUM, 42);
            Instance a = ScenarioGenerator.generate(spec), b = ScenarioGenerator.generate(spec);
            assertEquals(a, b);
            assertEquals(InstanceJson.write(a), InstanceJson.write(b));
            assertNotEquals(InstanceJson.write(a), InstanceJson.write(ScenarioGenerator.generate(Spec.of(f, SizeClass.MEDIUM, 43))));
        }
    }

    @Test
    void generatedInstancesRoundTripThroughTheirFileAndCompile() {
        for (Family f : Family.values())
            for (SizeClass c : List.of(SizeClass.TINY, SizeClass.SMALL, SizeClass.MEDIUM))
                for (long seed = 0; seed < 5; seed++) {
                    Instance in = gen(f, c, seed);
                    assertEquals(in, InstanceJson.parse(InstanceJson.write(in)), in.name());
                    in.compile();
                }
    }

    @Test
    void everySizeClassStaysWithinItsBoundsOverManySeeds() {
        for (Family f : Family.values())
            for (SizeClass c : List.of(SizeClass.TINY, SizeClass.SMALL, SizeClass.MEDIUM))
                for (long seed = 0; seed < 30; seed++) {
                    Instance in = gen(f, c, seed);
                    assertTrue(in.tasks().size() >= c.minTasks && in.tasks().size() <= c.maxTasks, in.name());
                    assertTrue(in.nodes().size() >= c.minNodes && in.nodes().size() <= c.maxNodes, in.name());
                    for (Task t : in.tasks())
                        assertTrue(c.maxLayers == 0 || in.model(t.model()).orElseThrow().layerCount() <= c.maxLayers, in.name());
                }
    }

    @Test
    void tinyModelsAreInlineCutsOfZooModelsAndLargerClassesReferenceTheZoo() {
        for (Family f : Family.values())
            for (long seed = 0; seed < 10; seed++) {
                for (DnnModel m : gen(f, SizeClass.TINY, seed).models()) {
                    assertNull(m.zoo(), "tiny models are embedded");
                    assertTrue(m.layerCount() <= 4);
                }
                for (DnnModel m : gen(f, SizeClass.MEDIUM, seed).models()) assertEquals(m.name(), m.zoo());
            }
    }

    @Test
    void aCutKeepsTheZooLayersAndMakesTheEnteringTensorTheModelInput() {
        DnnModel block = ScenarioGenerator.slice("resnet18", 1, 5, "resnet18-block1");
        DnnModel r18 = ModelZoo.get("resnet18");
        assertEquals(r18.layers().get(0).outputBytes(), block.inputBytes(), "the input is conv1's output");
        assertEquals(List.of("maxpool", "layer1.0.conv1", "layer1.0.conv2", "layer1.0.add"), block.layers().stream().map(Layer::name).toList());
        assertEquals(List.of(), block.layers().get(0).inputs());
        assertEquals(List.of("layer1.0.conv2", "maxpool"), block.layers().get(3).inputs(), "the residual join survives");
        assertEquals(r18.layers().get(2).flops(), block.layers().get(1).flops());
        DnnModel tail = ScenarioGenerator.slice("vgg5", 4, 7, "vgg5-tail3");
        assertEquals(ModelZoo.get("vgg5").layers().get(3).outputBytes(), tail.inputBytes());
        // A cut inside a residual block would need a join of the model input and a layer: refused.
        assertThrows(IllegalStateException.class, () -> ScenarioGenerator.slice("resnet18", 2, 5, "bad"));
    }

    @Test
    void theTestbedHasThreeRaspberryPi3EndpointsLanEdgeServersAndVgg5() {
        for (long seed = 0; seed < 10; seed++) {
            Instance in = gen(Family.TESTBED, SizeClass.SMALL, seed);
            List<Node> devices = in.nodes().stream().filter(n -> n.kind() == NodeKind.DEVICE).toList();
            assertEquals(3, devices.size());
            assertTrue(devices.stream().allMatch(n -> n.speed() == Hardware.RPI3BPLUS.speed()));
            assertTrue(in.nodes().stream().noneMatch(n -> n.kind() == NodeKind.CLOUD));
            assertTrue(in.nodes().stream().filter(n -> n.kind() == NodeKind.EDGE).allMatch(n -> n.speed() == Hardware.DESKTOP_I7.speed()));
            assertTrue(in.tasks().stream().allMatch(t -> t.model().equals("vgg5")));
            for (Node a : in.nodes())
                for (Node b : in.nodes())
                    if (a != b && a.kind() == NodeKind.EDGE && b.kind() == NodeKind.EDGE)
                        assertEquals(Hardware.LAN.bandwidth(), in.network().bandwidth(a.name(), b.name()));
        }
    }

    @Test
    void theCampusHasEveryTierItsLinksAndMixedModels() {
        Instance in = gen(Family.CAMPUS_LIGHT, SizeClass.MEDIUM, 3);
        Node cloud = in.nodes().stream().filter(n -> n.kind() == NodeKind.CLOUD).findFirst().orElseThrow();
        List<Node> edges = in.nodes().stream().filter(n -> n.kind() == NodeKind.EDGE).toList();
        List<Node> devices = in.nodes().stream().filter(n -> n.kind() == NodeKind.DEVICE).toList();
        assertFalse(edges.isEmpty());
        assertFalse(devices.isEmpty());
        assertTrue(in.models().size() >= 3, "mixed models");
        for (Node d : devices) {
            assertTrue(d.speed() == Hardware.RPI4.speed() || d.speed() == Hardware.RPI5.speed());
            // Device → cloud goes over Wi-Fi and then the WAN: never faster or nearer than the WAN alone.
            assertTrue(in.network().bandwidth(d.name(), cloud.name()) <= Hardware.WAN.bandwidth());
            assertTrue(in.network().latency(d.name(), cloud.name()) >= Hardware.WAN.latency());
            for (Node e : edges) assertTrue(in.network().bandwidth(d.name(), e.name()) <= Hardware.WIFI.bandwidth());
        }
        for (Node e : edges) {
            assertEquals(Hardware.WAN.latency(), in.network().latency(e.name(), cloud.name()));
            for (Node f : edges) if (e != f) assertEquals(Hardware.LAN.latency(), in.network().latency(e.name(), f.name()));
        }
        // Privacy-restricted tasks never list the cloud.
        for (Task t : in.tasks()) if (t.allowedNodes() != null) assertFalse(t.allowedNodes().contains(cloud.name()));
    }

    @Test
    void heavyLoadMeansMoreTasksPerNodeTighterReleasesAndBusierEdges() {
        double lightTasksPerNode = 0, heavyTasksPerNode = 0, lightSpread = 0, heavySpread = 0, lightBusy = 0, heavyBusy = 0;
        for (long seed = 0; seed < 20; seed++) {
            Instance l = gen(Family.CAMPUS_LIGHT, SizeClass.MEDIUM, seed), h = gen(Family.CAMPUS_HEAVY, SizeClass.MEDIUM, seed);
            lightTasksPerNode += (double) l.tasks().size() / l.nodes().size();
            heavyTasksPerNode += (double) h.tasks().size() / h.nodes().size();
            lightSpread += meanGapPerDevice(l);
            heavySpread += meanGapPerDevice(h);
            lightBusy += edgeLoad(l);
            heavyBusy += edgeLoad(h);
        }
        assertTrue(heavyTasksPerNode > lightTasksPerNode);
        assertTrue(heavySpread < lightSpread / 2);
        assertTrue(heavyBusy > 2 * lightBusy);
    }

    /** Last release per device divided by its request count, averaged. */
    private static double meanGapPerDevice(Instance in) {
        double sum = 0;
        int n = 0;
        for (Node d : in.nodes()) {
            List<Task> mine = in.tasks().stream().filter(t -> t.origin().equals(d.name())).toList();
            if (mine.isEmpty()) continue;
            sum += mine.stream().mapToDouble(Task::release).max().orElseThrow() / mine.size();
            n++;
        }
        return sum / n;
    }

    /** Σ over edges of availableAt + (slowdown − 1) × 10 ms: a single number for "how loaded". */
    private static double edgeLoad(Instance in) {
        return in.nodes().stream().filter(n -> n.kind() == NodeKind.EDGE).mapToDouble(n -> n.availableAt() + (n.slowdown() - 1) * 0.01).sum();
    }

    @Test
    void overridesAreHonouredAndNamed() {
        Spec spec = Spec.of(Family.CAMPUS_HEAVY, SizeClass.LARGE, 5).withTasks(300).withNodes(20)
                .withModes(Objective.TOTAL_LATENCY, Granularity.LAYER, Contention.NONE);
        Instance in = ScenarioGenerator.generate(spec);
        assertEquals(300, in.tasks().size());
        assertEquals(20, in.nodes().size());
        assertEquals(Objective.TOTAL_LATENCY, in.objective());
        assertEquals(Granularity.LAYER, in.granularity());
        assertEquals(Contention.NONE, in.contention());
        assertEquals("campus-heavy-large-s5-t300-n20-total-latency-layer-none", in.name());
        assertEquals("campus-heavy-s5-t300-n20-total-latency-layer-none.json", spec.fileName());
        assertEquals(1e-6, in.timeUnit());
        // Few nodes still leave a device and a server.
        for (Family f : Family.values()) {
            Instance two = ScenarioGenerator.generate(Spec.of(f, SizeClass.MEDIUM, 1).withNodes(2));
            assertEquals(List.of(NodeKind.DEVICE, NodeKind.EDGE), two.nodes().stream().map(Node::kind).toList());
            two.compile();
        }
    }

    @Test
    void theBriefsPipelineGenerateSolveValidateSucceeds(@TempDir Path tmp) {
        Path i = tmp.resolve("i.json"), s = tmp.resolve("s.json");
        assertEquals(0, Main.execute("generate", "--scenario", "campus-light", "--seed", "7", "--out", i.toString()));
        assertEquals("campus-light-small-s7", InstanceJson.read(i).name(), "default size: small");
        assertEquals(0, Main.execute("solve", "--instance", i.toString(), "--solver", "local", "--out", s.toString()));
        assertEquals(0, Main.execute("validate", "--instance", i.toString(), "--solution", s.toString()));
    }

    @Test
    void helpExplainsTheFamiliesAndSizes() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(out)).execute("generate", "--help"));
        for (String word : List.of("testbed", "campus-light", "campus-heavy", "tiny", "small", "medium", "large", "--tasks", "docs/datasets.md"))
            assertTrue(out.toString().contains(word), word);
    }

    @Test
    void badOptionValuesExitTwoWithAClearMessage(@TempDir Path tmp) {
        String out = tmp.resolve("x.json").toString();
        assertBad("--scenario: unknown value \"campus\"; expected one of testbed, campus-light, campus-heavy",
                "generate", "--scenario", "campus", "--seed", "1", "--out", out);
        assertBad("--size: unknown value \"huge\"; expected one of tiny, small, medium, large",
                "generate", "--scenario", "testbed", "--seed", "1", "--size", "huge", "--out", out);
        assertBad("--objective: unknown value \"latency\"", "generate", "--scenario", "testbed", "--seed", "1", "--objective", "latency", "--out", out);
        assertBad("--granularity: unknown value \"block\"", "generate", "--scenario", "testbed", "--seed", "1", "--granularity", "block", "--out", out);
        assertBad("--contention: unknown value \"egress\"", "generate", "--scenario", "testbed", "--seed", "1", "--contention", "egress", "--out", out);
        assertBad("--tasks must be at least 1, got 0", "generate", "--scenario", "testbed", "--seed", "1", "--tasks", "0", "--out", out);
        assertBad("--nodes must be at least 2", "generate", "--scenario", "testbed", "--seed", "1", "--nodes", "1", "--out", out);
        assertBad("--seed must be >= 0", "generate", "--scenario", "testbed", "--seed", "-3", "--out", out);
        assertBad("--seed", "generate", "--scenario", "testbed", "--out", out);
        assertBad("'--tasks'", "generate", "--scenario", "testbed", "--seed", "1", "--tasks", "many", "--out", out);
        assertFalse(Files.exists(Path.of(out)), "nothing is written on bad input");
    }

    private static void assertBad(String expectedInMessage, String... args) {
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setErr(new PrintWriter(err)).execute(args);
        assertEquals(Main.BAD_INPUT, code, String.join(" ", args));
        String msg = err.toString().strip();
        assertTrue(msg.contains(expectedInMessage), msg);
        assertFalse(msg.contains("\n"), "one line: " + msg);
        assertFalse(msg.contains("Exception"), msg);
    }
}
