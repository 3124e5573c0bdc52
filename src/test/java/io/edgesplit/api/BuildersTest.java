package io.edgesplit.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Solution;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builders make what the reader reads, and fail with the reader's path-qualified errors. */
class BuildersTest {
    /** testbed-s1 of the tiny class, built in code. */
    static InstanceBuilder testbed() {
        return EdgeSplit.instance("testbed-tiny-s1")
                .model(EdgeSplit.model("vgg5-head4", 12288)
                        .layer("conv1", 1769472, 131072, 3840).layer("pool1", 32768, 32768, 0)
                        .layer("conv2", 9437184, 65536, 74496).layer("pool2", 16384, 16384, 0))
                .model(EdgeSplit.model("vgg5-tail3", 16384)
                        .layer("conv3", 4718592, 16384, 148224).layer("fc1", 1048576, 512, 2097664).layer("fc2", 2560, 40, 5160))
                .device("dev1", 1333000000).edge("edge1", 92160000000.0)
                .bandwidth(25000000).latency(0.001)
                .task("t1", "vgg5-head4", "dev1", 0.0018)
                .task("t2", "vgg5-tail3", "dev1", 0.0145);
    }

    @Test
    void aBuiltInstanceEqualsTheFileItWasCopiedFrom() {
        Instance file = EdgeSplit.readInstance(Path.of("datasets/instances/tiny/testbed-s1.json"));
        assertEquals(file, testbed().build());
        assertEquals(EdgeSplit.toJson(file), EdgeSplit.toJson(testbed().build()));
    }

    @Test
    void everyFieldRoundTripsThroughTheFileFormat() {
        Instance in = EdgeSplit.instance("all-fields").timeUnit(1e-5).objective(Objective.TOTAL_LATENCY)
                .zooModel("resnet18")
                .model(EdgeSplit.model("dag", 100).layer("a", 10, 10, 0).layerFrom("b", 10, 10, 0)
                        .layerFrom("c", 10, 10, 1, "a", "b"))
                .device("d1", 1e9).node("d2", NodeKind.DEVICE, 2e9, 0.01, 1.5).edge("e", 1e11).cloud("c", 1e12)
                .bandwidth(1e7).links("d1", "e", 5e7, 0.0005).link("e", "c", null, 0.02)
                .profile("dag", "d2", 0.001, null, 0.002)
                .task("t1", "resnet18", "d1").task("t2", "dag", "d2", 0.1, 2.0, "d2", "e")
                .bestKnown(0.5, "a test")
                .build();
        assertEquals(in, InstanceJson.parse(EdgeSplit.toJson(in)));
        assertEquals("resnet18", in.model("resnet18").orElseThrow().zoo(), "kept as a zoo reference");
    }

    /** The builder's error equals the reader's on the same content. */
    void sameErrorAsTheReader(String expected, Consumer<InstanceBuilder> breakBuilder, Consumer<ObjectNode> breakFile) {
        InstanceBuilder b = testbed();
        InvalidInputException built = assertThrows(InvalidInputException.class, () -> { breakBuilder.accept(b); b.build(); });
        ObjectNode tree = InstanceJson.toTree(testbed().build());
        breakFile.accept(tree);
        InvalidInputException read = assertThrows(InvalidInputException.class, () -> InstanceJson.parse(Json.compact(tree)));
        assertEquals(expected, built.getMessage());
        assertEquals(read.getMessage(), built.getMessage());
    }

    @Test
    void errorsNameTheFieldAsTheReaderDoes() {
        sameErrorAsTheReader("tasks[2].origin: unknown node \"edge9\" (known: dev1, edge1)",
                b -> b.task("t3", "vgg5-head4", "edge9"),
                t -> ((ArrayNode) t.get("tasks")).addObject().put("name", "t3").put("model", "vgg5-head4").put("origin", "edge9"));
        sameErrorAsTheReader("nodes[2].name: duplicate node name \"dev1\"",
                b -> b.device("dev1", 1e9),
                t -> ((ArrayNode) t.get("nodes")).addObject().put("name", "dev1").put("kind", "device").put("speed", 1e9));
        sameErrorAsTheReader("nodes[2].speed: expected a finite number > 0, got -1.0",
                b -> b.edge("edge2", -1),
                t -> ((ArrayNode) t.get("nodes")).addObject().put("name", "edge2").put("kind", "edge").put("speed", -1.0));
        sameErrorAsTheReader("models[2].layers[1].inputs[0]: layer \"x\" reads \"y\", which comes later in the list: layers must be listed in a topological order (a cycle, or reorder the layers)",
                b -> b.model(EdgeSplit.model("m", 1).layer("w", 1, 1, 0).layerFrom("x", 1, 1, 0, "y").layer("y", 1, 1, 0)),
                t -> {
                    ObjectNode m = ((ArrayNode) t.get("models")).addObject().put("name", "m").put("inputBytes", 1);
                    ArrayNode ls = m.putArray("layers");
                    ls.addObject().put("name", "w").put("flops", 1).put("outputBytes", 1);
                    ls.addObject().put("name", "x").put("flops", 1).put("outputBytes", 1).putArray("inputs").add("y");
                    ls.addObject().put("name", "y").put("flops", 1).put("outputBytes", 1);
                });
        sameErrorAsTheReader("network.links[0].to: unknown node \"cloud\" (known: dev1, edge1)",
                b -> b.link("dev1", "cloud", 1e6, null),
                t -> ((ObjectNode) t.get("network")).putArray("links").addObject().put("from", "dev1").put("to", "cloud").put("bandwidth", 1e6));
        InvalidInputException zoo = assertThrows(InvalidInputException.class, () -> testbed().zooModel("vgg19"));
        assertTrue(zoo.getMessage().startsWith("models[2].zoo: "), zoo.getMessage());
        assertEquals(zoo.getMessage(), assertThrows(InvalidInputException.class, () -> {
            ObjectNode t = InstanceJson.toTree(testbed().build());
            ((ArrayNode) t.get("models")).addObject().put("zoo", "vgg19");
            InstanceJson.parse(Json.compact(t));
        }).getMessage());
        assertEquals("tasks[0].model: must not be null",
                assertThrows(InvalidInputException.class, () -> EdgeSplit.instance("x").task("t", null, "d")).getMessage());
    }

    @Test
    void solveValidateAndTheJsonThatSolvePrints() {
        Instance in = testbed().build();
        Result r = EdgeSplit.solve(in, "bruteforce", Options.defaults().timeLimit(5));
        assertTrue(r.valid() && r.provedOptimal(), r.summary());
        assertEquals(r.objectiveTicks().orElseThrow(), EdgeSplit.validate(in, r.solution()).objectiveTicks());
        // issue 16: what solve --json prints is a solution file validate accepts
        Solution printed = EdgeSplit.parseSolution(r.toJson());
        assertTrue(EdgeSplit.validate(in, printed).valid());
        assertEquals(EdgeSplit.toJson(r.solution()), EdgeSplit.toJson(printed));
        assertTrue(r.gantt(40).contains("tasks: a=t1 b=t2"), r.gantt(40));
        assertEquals(in.nodes().size(), r.busyUntil().size());
        assertEquals(r.completionSeconds("t2"), r.seconds(r.task("t2").completionTicks()));
        // a broken schedule (t1's first layer before its release): the validator names the violation
        ObjectNode tree = (ObjectNode) Json.parse(r.toJson(), "solve --json");
        ((ObjectNode) tree.get("tasks").get(0).get("layers").get(0)).put("start", 0);
        Validation v = EdgeSplit.validate(in, EdgeSplit.parseSolution(Json.compact(tree)));
        assertFalse(v.valid());
        assertFalse(v.violations().isEmpty());
    }

    @Test
    void unknownBackendsAndParametersAreTheCallersMistake() {
        Instance in = testbed().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgeSplit.solve(in, "gurobi"));
        assertTrue(e.getMessage().startsWith("unknown solver backend \"gurobi\"; registered: "), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
                () -> EdgeSplit.solve(in, "medag", Options.defaults().param("nope", 1)));
        assertTrue(p.getMessage().startsWith("params.nope: unknown parameter of backend \"medag\""), p.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.defaults().timeLimit(0));
        assertTrue(EdgeSplit.backends().stream().anyMatch(b -> b.name().equals("cpsat") && b.exact()));
    }

    @Test
    void aWarmStartMustBeAValidSolution() {
        Instance in = testbed().build();
        Result first = EdgeSplit.solve(in, "local");
        Result warm = EdgeSplit.solve(in, "medag", Options.defaults().warmStart(first.solution()));
        assertTrue(warm.valid());
        Solution other = EdgeSplit.solve(EdgeSplit.readInstance(Path.of("datasets/instances/tiny/testbed-s2.json")), "local").solution();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> EdgeSplit.solve(in, "medag", Options.defaults().warmStart(other)));
        assertTrue(e.getMessage().startsWith("the warm start is not a valid solution of this instance"), e.getMessage());
    }
}
