package io.edgesplit.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.validate.Violation.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One hand-made broken solution per violation kind, each detected; the hand-checked base solution passes.
 *
 * <p>Instance (1 ms ticks): chain a (4 GFLOP) → b (2 GFLOP) → c (1 GFLOP); dev1, dev2 at 1 GFLOP/s; edge1 at
 * 4 GFLOP/s, busy until 500; 10 kB/s links with 10 ms latency. t1 from dev1 at 0, t2 from dev2 at 200.
 * Base schedule: t1 sends its input (1000 B: 110 ticks) to edge1 at 0, runs a [500,1500) and b [1500,2000)
 * there, sends b (500 B: 60 ticks) home at 2000 and runs c [2060,3060) on dev1. t2 sends its input to
 * edge1 at 200 [200,310), runs a, b, c on edge1 at 2000, 3000, 3500 and returns c (100 B: 20 ticks) at 3750.
 * Makespan 3770.
 */
class ValidatorTest {
    static final String INSTANCE = """
            {"name": "hand-tiny", "timeUnit": 1e-3, "objective": "makespan", "granularity": "segment", "contention": "ingress",
             "models": [{"name": "m3", "inputBytes": 1000, "layers": [
               {"name": "a", "flops": 4e9, "outputBytes": 2000},
               {"name": "b", "flops": 2e9, "outputBytes": 500},
               {"name": "c", "flops": 1e9, "outputBytes": 100}]}],
             "nodes": [{"name": "dev1", "kind": "device", "speed": 1e9},
                       {"name": "dev2", "kind": "device", "speed": 1e9},
                       {"name": "edge1", "kind": "edge", "speed": 4e9, "availableAt": 0.5}],
             "network": {"default": {"bandwidth": 1e4, "latency": 0.01}},
             "tasks": [{"name": "t1", "model": "m3", "origin": "dev1", "release": 0},
                       {"name": "t2", "model": "m3", "origin": "dev2", "release": 0.2}]}
            """;
    static final String SOLUTION = """
            {"instance": "hand-tiny", "solver": "hand", "status": "FEASIBLE", "objective": 3.77, "objectiveTicks": 3770,
             "tasks": [
              {"task": "t1", "completionTicks": 3060,
               "layers": [{"layer": "a", "node": "edge1", "start": 500}, {"layer": "b", "node": "edge1", "start": 1500},
                          {"layer": "c", "node": "dev1", "start": 2060}],
               "transfers": [{"tensor": "input", "from": "dev1", "to": "edge1", "start": 0},
                             {"tensor": "b", "from": "edge1", "to": "dev1", "start": 2000}]},
              {"task": "t2", "completionTicks": 3770,
               "layers": [{"layer": "a", "node": "edge1", "start": 2000}, {"layer": "b", "node": "edge1", "start": 3000},
                          {"layer": "c", "node": "edge1", "start": 3500}],
               "transfers": [{"tensor": "input", "from": "dev2", "to": "edge1", "start": 200},
                             {"tensor": "c", "from": "edge1", "to": "dev2", "start": 3750}]}]}
            """;

    static final CompiledInstance CI = InstanceJson.parse(INSTANCE).compile();

    static ObjectNode base() { return (ObjectNode) Json.parse(SOLUTION, "solution"); }

    static ObjectNode task(ObjectNode s, int t) { return (ObjectNode) s.get("tasks").get(t); }

    static ObjectNode layer(ObjectNode s, int t, int l) { return (ObjectNode) task(s, t).get("layers").get(l); }

    static ArrayNode transfers(ObjectNode s, int t) { return (ArrayNode) task(s, t).get("transfers"); }

    static ArrayNode layers(ObjectNode s, int t) { return (ArrayNode) task(s, t).get("layers"); }

    static Set<Kind> kinds(JsonNode solution) {
        return Validator.validate(CI, SolutionJson.fromTree(solution)).violations().stream()
                .map(Violation::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class)));
    }

    static Arguments broken(Kind kind, Consumer<ObjectNode> mutate) { return Arguments.of(kind, mutate); }

    static Stream<Arguments> oneBrokenSolutionPerKind() {
        return Stream.of(
                broken(Kind.STATUS, s -> s.put("lowerBoundTicks", 5000)),
                broken(Kind.INSTANCE_NAME, s -> s.put("instance", "other")),
                broken(Kind.UNKNOWN_TASK, s -> ((ArrayNode) s.get("tasks")).add(task(s, 0).deepCopy().put("task", "t9"))),
                broken(Kind.DUPLICATE_TASK, s -> ((ArrayNode) s.get("tasks")).add(task(s, 0).deepCopy())),
                broken(Kind.MISSING_TASK, s -> ((ArrayNode) s.get("tasks")).remove(1)),
                broken(Kind.UNKNOWN_LAYER, s -> layer(s, 0, 2).put("layer", "z")),
                broken(Kind.DUPLICATE_LAYER, s -> layers(s, 0).add(layer(s, 0, 0).deepCopy())),
                broken(Kind.MISSING_LAYER, s -> layers(s, 0).remove(2)),
                broken(Kind.UNKNOWN_NODE, s -> layer(s, 0, 2).put("node", "dev9")),
                broken(Kind.INELIGIBLE_NODE, s -> layer(s, 0, 2).put("node", "dev2")),
                broken(Kind.NEGATIVE_START, s -> ((ObjectNode) transfers(s, 0).get(0)).put("start", -5)),
                // A start whose end would wrap around a long (docs/formats.md, "Numeric ranges").
                broken(Kind.OUT_OF_RANGE, s -> layer(s, 0, 2).put("start", Long.MAX_VALUE)),
                broken(Kind.UNKNOWN_TENSOR, s -> ((ObjectNode) transfers(s, 0).get(1)).put("tensor", "zz")),
                broken(Kind.UNNEEDED_TRANSFER, s -> transfers(s, 0).addObject().put("tensor", "a").put("from", "edge1").put("to", "dev1").put("start", 1500)),
                broken(Kind.DUPLICATE_TRANSFER, s -> transfers(s, 0).add(transfers(s, 0).get(0).deepCopy())),
                broken(Kind.MISSING_TRANSFER, s -> transfers(s, 0).remove(1)),
                broken(Kind.WRONG_SOURCE, s -> ((ObjectNode) transfers(s, 0).get(1)).put("from", "dev2")),
                broken(Kind.PRECEDENCE, s -> layer(s, 0, 2).put("start", 2000)),
                broken(Kind.TRANSFER_TOO_EARLY, s -> ((ObjectNode) transfers(s, 0).get(1)).put("start", 1900)),
                broken(Kind.NODE_NOT_AVAILABLE, s -> {
                    layer(s, 0, 0).put("start", 400);
                    layer(s, 0, 1).put("start", 1400);
                }),
                broken(Kind.COMPUTE_OVERLAP, s -> {
                    layer(s, 1, 0).put("start", 1800);
                    layer(s, 1, 1).put("start", 2800);
                    layer(s, 1, 2).put("start", 3300);
                }),
                broken(Kind.INGRESS_OVERLAP, s -> ((ObjectNode) transfers(s, 0).get(0)).put("start", 150)),
                broken(Kind.SEGMENT_SPLIT, s -> layer(s, 1, 2).put("start", 3510)),
                broken(Kind.COMPLETION_MISMATCH, s -> task(s, 0).put("completionTicks", 3000)),
                broken(Kind.OBJECTIVE_MISMATCH, s -> s.put("objectiveTicks", 3000)));
    }

    @Test
    void theHandCheckedSolutionIsValidWithMakespan3770() {
        ValidationReport r = Validator.validate(CI, SolutionJson.fromTree(base()));
        assertTrue(r.valid(), r.summary());
        assertEquals(3770.0, r.objectiveTicks());
        assertEquals(3.77, r.objectiveSeconds(), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBrokenSolutionPerKind")
    void eachKindOfViolationIsDetected(Kind kind, Consumer<ObjectNode> mutate) {
        ObjectNode s = base();
        mutate.accept(s);
        assertTrue(kinds(s).contains(kind), () -> kind + " not among " + kinds(s));
    }

    @Test
    void everyKindHasABrokenSolutionInTheCatalogue() {
        Set<Kind> covered = oneBrokenSolutionPerKind().map(a -> (Kind) a.get()[0]).collect(Collectors.toSet());
        covered.add(Kind.BEFORE_RELEASE); // covered below, from a local schedule
        assertEquals(EnumSet.allOf(Kind.class), covered);
    }

    @Test
    void aLayerReadingTheInputOnItsOriginBeforeReleaseIsDetected() {
        Solution local = CheckedSolve.run(new LocalSolver(), CI, SolveOptions.defaults()).solution();
        ObjectNode s = SolutionJson.toTree(local);
        layer(s, 1, 0).put("start", 100); // t2 is released at 200
        assertTrue(kinds(s).contains(Kind.BEFORE_RELEASE), () -> kinds(s).toString());
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        ObjectNode s = base();
        s.put("instance", "other");
        layer(s, 0, 2).put("start", 2000);
        task(s, 1).put("completionTicks", 1);
        List<Violation> v = Validator.validate(CI, SolutionJson.fromTree(s)).violations();
        assertEquals(EnumSet.of(Kind.INSTANCE_NAME, Kind.PRECEDENCE, Kind.COMPLETION_MISMATCH),
                v.stream().map(Violation::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(Kind.class))), v.toString());
    }

    @Test
    void twoInputsArrivingAtEdge1AtOnceOverlapOnItsIngress() {
        ObjectNode s = base(); // t2 is released at 200, so its input starting at 0 is also too early
        assertTrue(kinds(base()).isEmpty());
        ((ObjectNode) transfers(s, 1).get(0)).put("start", 0);
        assertTrue(kinds(s).contains(Kind.INGRESS_OVERLAP));
    }

    @Test
    void zeroTickWorkOccupiesNoResource() {
        // Zero-byte tensors over zero-latency links take zero ticks: two of them may start at once on one ingress.
        String inst = INSTANCE.replace("\"latency\": 0.01", "\"latency\": 0").replace("\"inputBytes\": 1000", "\"inputBytes\": 0")
                .replace("\"name\": \"hand-tiny\"", "\"name\": \"zero\"");
        CompiledInstance ci = InstanceJson.parse(inst).compile();
        ObjectNode s = base().put("instance", "zero");
        ((ObjectNode) transfers(s, 0).get(0)).put("start", 200);
        List<Violation> v = Validator.validate(ci, SolutionJson.fromTree(s)).violations();
        assertTrue(v.stream().noneMatch(x -> x.kind() == Kind.INGRESS_OVERLAP), v.toString());
    }
}
