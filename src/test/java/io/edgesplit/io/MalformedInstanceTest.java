package io.edgesplit.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The catalogue of malformed instances: each is rejected with the JSON path and the exact message, and the
 * CLI answers any of them with exit code 2 and one line on stderr.
 */
class MalformedInstanceTest {
    static final String VALID = """
            {"name": "base", "timeUnit": 1e-6, "objective": "makespan", "granularity": "segment", "contention": "ingress",
             "models": [{"name": "m", "inputBytes": 100, "layers": [
                 {"name": "a", "flops": 1e6, "outputBytes": 10, "paramBytes": 4},
                 {"name": "b", "flops": 2e6, "outputBytes": 10},
                 {"name": "c", "flops": 1e6, "outputBytes": 10, "inputs": ["a", "b"]}]}],
             "nodes": [{"name": "dev1", "kind": "device", "speed": 1e9},
                       {"name": "edge1", "kind": "edge", "speed": 4e9, "availableAt": 0.001, "slowdown": 1.2}],
             "network": {"default": {"bandwidth": 1e6, "latency": 0.001},
                         "links": [{"from": "dev1", "to": "edge1", "bandwidth": 5e5}]},
             "profiles": [{"model": "m", "node": "edge1", "layerSeconds": [0.0001, 0.0002, 0.0001]}],
             "tasks": [{"name": "t1", "model": "m", "origin": "dev1", "release": 0},
                       {"name": "t2", "model": "m", "origin": "dev1", "release": 0.002, "weight": 2}]}
            """;

    static ObjectNode base() { return (ObjectNode) Json.parse(VALID, "base"); }

    static ObjectNode at(JsonNode root, String... path) {
        JsonNode n = root;
        for (String p : path) n = p.matches("\\d+") ? n.get(Integer.parseInt(p)) : n.get(p);
        return (ObjectNode) n;
    }

    static Arguments bad(String expected, Consumer<ObjectNode> mutate) { return Arguments.of(expected, mutate); }

    static Stream<Arguments> catalogue() {
        return Stream.of(
                bad("nme: unknown field \"nme\"; expected one of name, timeUnit, objective, granularity, contention, models, nodes, network, profiles, tasks, bestKnown, fluctuations",
                        r -> r.put("nme", "x")),
                bad("name: missing required field \"name\"", r -> r.remove("name")),
                bad("name: expected a string, got the number 3", r -> r.put("name", 3)),
                bad("timeUnit: expected a finite number > 0, got 0.0", r -> r.put("timeUnit", 0)),
                bad("objective: unknown value \"fastest\"; expected one of makespan, total-latency", r -> r.put("objective", "fastest")),
                bad("granularity: unknown value \"block\"; expected one of segment, layer", r -> r.put("granularity", "block")),
                bad("contention: unknown value \"egress\"; expected one of ingress, none", r -> r.put("contention", "egress")),
                bad("models: expected an array, got an object", r -> r.putObject("models")),
                bad("models[0].layers: model \"m\" has no layers; expected at least one", r -> at(r, "models", "0").putArray("layers")),
                bad("models[0].layers[1].flops: expected a finite number >= 0, got -5.0", r -> at(r, "models", "0", "layers", "1").put("flops", -5)),
                bad("models[0].layers[1].outputBytes: expected a number, got the string \"10\"", r -> at(r, "models", "0", "layers", "1").put("outputBytes", "10")),
                bad("models[0].layers[1].name: duplicate layer name \"a\"", r -> at(r, "models", "0", "layers", "1").put("name", "a")),
                bad("models[0].layers[0].name: the layer name \"input\" is reserved for the model-input tensor; rename the layer",
                        r -> {
                            at(r, "models", "0", "layers", "0").put("name", "input");
                            ((ArrayNode) at(r, "models", "0", "layers", "2").get("inputs")).set(0, "input");
                        }),
                bad("models[0].layers[2].inputs[1]: unknown layer \"z\" in model \"m\"",
                        r -> ((ArrayNode) at(r, "models", "0", "layers", "2").get("inputs")).set(1, "z")),
                bad("models[0].layers[0].inputs[0]: layer \"a\" reads \"c\", which comes later in the list: layers must be listed in a topological order (a cycle, or reorder the layers)",
                        r -> at(r, "models", "0", "layers", "0").putArray("inputs").add("c")),
                bad("models[0].layers[1].inputs[0]: layer \"b\" reads its own output (a cycle)",
                        r -> at(r, "models", "0", "layers", "1").putArray("inputs").add("b")),
                bad("models[1].name: duplicate model name \"m\"", r -> ((ArrayNode) r.get("models")).add(r.get("models").get(0).deepCopy())),
                bad("models[0].zoo: unknown zoo model \"resnet9000\" (known: vgg5, alexnet, vgg16, resnet18, resnet50, mobilenet_v2, googlenet)",
                        r -> ((ArrayNode) r.get("models")).set(0, Json.object().put("zoo", "resnet9000"))),
                bad("nodes[1].kind: unknown value \"fog\"; expected one of device, edge, cloud", r -> at(r, "nodes", "1").put("kind", "fog")),
                bad("nodes[1].speed: expected a finite number > 0, got 0.0", r -> at(r, "nodes", "1").put("speed", 0)),
                bad("nodes[1].slowdown: expected a finite number >= 1, got 0.5", r -> at(r, "nodes", "1").put("slowdown", 0.5)),
                bad("nodes[1].availableAt: expected a finite number >= 0, got -1.0", r -> at(r, "nodes", "1").put("availableAt", -1)),
                bad("nodes[1].name: duplicate node name \"dev1\"", r -> at(r, "nodes", "1").put("name", "dev1")),
                bad("network.links[0].to: unknown node \"edge9\" (known: dev1, edge1)", r -> at(r, "network", "links", "0").put("to", "edge9")),
                bad("network.links[0]: a link from \"dev1\" to itself; transfers on one node cost nothing", r -> at(r, "network", "links", "0").put("to", "dev1")),
                bad("network.default.bandwidth: expected a finite number > 0, got -1.0", r -> at(r, "network", "default").put("bandwidth", -1)),
                bad("network.default.bandwidth: required: no link gives the bandwidth of edge1 -> dev1", r -> at(r, "network", "default").remove("bandwidth")),
                bad("network.default.latency: expected a finite number >= 0, got -0.5", r -> at(r, "network", "default").put("latency", -0.5)),
                bad("fluctuations[0].node: unknown node \"edge9\" (known: dev1, edge1)",
                        r -> r.putArray("fluctuations").addObject().put("node", "edge9")),
                bad("fluctuations[0].compute[0]: expected a pair [atSeconds, factor], got 3",
                        r -> r.putArray("fluctuations").addObject().put("node", "edge1").putArray("compute").add(3)),
                bad("fluctuations[0].compute[1][0]: step times must increase strictly, got 1.0 after 2.0",
                        r -> { var c = r.putArray("fluctuations").addObject().put("node", "edge1").putArray("compute");
                               c.addArray().add(2).add(1.5); c.addArray().add(1).add(1); }),
                bad("fluctuations[0].link[0][1]: expected a factor in [1, 1000] (1 = nominal speed), got 0.5",
                        r -> r.putArray("fluctuations").addObject().put("node", "edge1").putArray("link").addArray().add(0).add(0.5)),
                bad("profiles[0].layerSeconds: expected 3 entries (one per layer of \"m\"), got 2",
                        r -> ((ArrayNode) at(r, "profiles", "0").get("layerSeconds")).remove(2)),
                bad("profiles[0].node: unknown node \"cloud\" (known: dev1, edge1)", r -> at(r, "profiles", "0").put("node", "cloud")),
                bad("tasks[0].origin: unknown node \"edge9\" (known: dev1, edge1)", r -> at(r, "tasks", "0").put("origin", "edge9")),
                bad("tasks[1].model: unknown model \"vgg99\" (known: m)", r -> at(r, "tasks", "1").put("model", "vgg99")),
                bad("tasks[1].name: duplicate task name \"t1\"", r -> at(r, "tasks", "1").put("name", "t1")),
                bad("tasks[0].release: expected a finite number >= 0, got -0.1", r -> at(r, "tasks", "0").put("release", -0.1)),
                bad("tasks[0].allowedNodes: expected at least one node name, got an empty list (omit the field for the default)",
                        r -> at(r, "tasks", "0").putArray("allowedNodes")),
                bad("tasks[0]: layer \"b\" of model \"m\" cannot run on any eligible node [edge1] (profiles mark it null there); allow another node with allowedNodes",
                        r -> {
                            at(r, "tasks", "0").putArray("allowedNodes").add("edge1");
                            ((ArrayNode) at(r, "profiles", "0").get("layerSeconds")).setNull(1);
                        }),
                bad("tasks: expected at least one task, got an empty list", r -> r.putArray("tasks")),
                bad("tasks[0].weight: expected a number, got null", r -> at(r, "tasks", "0").putNull("weight")),
                // docs/formats.md, "Numeric ranges": every duration fits 2^50 ticks, named by its path.
                bad("models[0].inputBytes: sending it over the slowest link takes 2.00e+294 s, which is 2.00e+300 ticks of 1.0E-6 s; "
                        + "at most 1125899906842624 ticks (2^50) are allowed: use a larger timeUnit or a smaller value",
                        r -> at(r, "models", "0").put("inputBytes", 1e300)),
                bad("models[0].layers[1].flops: this layer on its slowest node \"dev1\" takes 1.00e+11 s, which is 1.00e+17 ticks of 1.0E-6 s; "
                        + "at most 1125899906842624 ticks (2^50) are allowed: use a larger timeUnit or a smaller value",
                        r -> at(r, "models", "0", "layers", "1").put("flops", 1e20)),
                bad("tasks[1].release: this release takes 1.00e+12 s, which is 1.00e+18 ticks of 1.0E-6 s; "
                        + "at most 1125899906842624 ticks (2^50) are allowed: use a larger timeUnit or a smaller value",
                        r -> at(r, "tasks", "1").put("release", 1e12)),
                bad("profiles[0].layerSeconds[2]: this layer on \"edge1\" (slowdown included) takes 1.20e+12 s, which is 1.20e+18 ticks of 1.0E-6 s; "
                        + "at most 1125899906842624 ticks (2^50) are allowed: use a larger timeUnit or a smaller value",
                        r -> ((ArrayNode) at(r, "profiles", "0").get("layerSeconds")).set(2, 1e12)),
                bad("tasks[0].colour: unknown field \"colour\"; expected one of name, model, origin, release, weight, allowedNodes",
                        r -> at(r, "tasks", "0").put("colour", "red")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void isRejectedWithItsPathAndMessage(String expected, Consumer<ObjectNode> mutate) {
        ObjectNode doc = base();
        mutate.accept(doc);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InstanceJson.fromTree(doc, io.edgesplit.zoo.ModelZoo::get));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void theBaseInstanceIsValid() {
        InstanceJson.fromTree(base(), io.edgesplit.zoo.ModelZoo::get).compile();
    }

    @Test
    void malformedJsonNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\"name\": \"x\",\n  \"models\": [}\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> InstanceJson.read(f));
        assertEquals(f.toString(), e.file());
        assertFalse(e.getMessage().contains("\n"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(f + ": not valid JSON: line 2"), e.getMessage());
    }

    @ParameterizedTest(name = "cli: {0}")
    @MethodSource("catalogue")
    void theCliExitsWithTwoAndOneLineOnStderr(String expected, Consumer<ObjectNode> mutate, @TempDir Path dir) throws Exception {
        ObjectNode doc = base();
        mutate.accept(doc);
        Path f = dir.resolve("bad.json");
        Files.writeString(f, Json.pretty(doc));
        io.edgesplit.testing.InJvmCli.Run r = io.edgesplit.testing.InJvmCli.run("solve", "--instance", f.toString(), "--solver", "local");
        int code = r.code();
        String err = r.err();
        assertEquals(2, code);
        String text = err.strip();
        assertFalse(text.contains("\n"), text);
        assertEquals("error: " + f + ": " + expected, text);
    }
}
