package io.edgesplit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** solve → validate → break one start time → validate says no, naming the violation (exit 1). */
class CliEndToEndTest {
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        io.edgesplit.testing.InJvmCli.Run r = io.edgesplit.testing.InJvmCli.run(args);
        return new Run(r.code(), r.out(), r.err());
    }

    @Test
    void solveThenValidateThenBreakAStartTime(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json"), sol = dir.resolve("s.json");
        long seed = 11;
        while (TinyInstances.random(seed, 3, 4, 4).tasks().stream().anyMatch(t -> t.allowedNodes() != null)) seed++;
        InstanceJson.write(TinyInstances.random(seed, 3, 4, 4), inst); // every origin allowed: local can solve it
        Run solve = run("solve", "--instance", inst.toString(), "--solver", "local", "--out", sol.toString());
        assertEquals(0, solve.code(), solve.out() + solve.err());
        assertTrue(solve.out().startsWith("status FEASIBLE"), solve.out());
        Run ok = run("validate", "--instance", inst.toString(), "--solution", sol.toString());
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().startsWith("valid"), ok.out());

        ObjectNode s = (ObjectNode) Json.readTree(sol);
        ObjectNode layer = (ObjectNode) s.get("tasks").get(0).get("layers").get(1);
        layer.put("start", layer.get("start").asLong() - 1);
        Files.writeString(sol, Json.pretty(s));
        Run bad = run("validate", "--instance", inst.toString(), "--solution", sol.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.out().contains("INVALID"), bad.out());
        assertTrue(bad.out().contains("PRECEDENCE") || bad.out().contains("SEGMENT_SPLIT") || bad.out().contains("COMPUTE_OVERLAP"), bad.out());

        Run json = run("validate", "--instance", inst.toString(), "--solution", sol.toString(), "--json");
        assertEquals(1, json.code());
        assertFalse(Json.parse(json.out(), "stdout").get("valid").asBoolean());
    }

    @Test
    void solveJsonPrintsOneObject(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json");
        InstanceJson.write(TinyInstances.tiny(2), inst);
        Run r = run("solve", "--instance", inst.toString(), "--solver", "bruteforce", "--json");
        assertEquals(0, r.code(), r.err());
        var o = Json.parse(r.out(), "stdout");
        assertEquals("OPTIMAL", o.get("status").asText());
        assertTrue(o.get("valid").asBoolean());
    }

    @Test
    void anUnknownSolverIsBadUsageWithTheRegisteredNames(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json");
        InstanceJson.write(TinyInstances.tiny(2), inst);
        Run r = run("solve", "--instance", inst.toString(), "--solver", "gurobi");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown solver backend \"gurobi\"; registered: "), r.err());
        assertTrue(r.err().contains("local"), r.err());
    }

    @Test
    void solveWarmStartedFromAnotherBackend(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json");
        InstanceJson.write(TinyInstances.tiny(2), inst);
        Run r = run("solve", "--instance", inst.toString(), "--solver", "bruteforce", "--warm-start-from", "medag", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("OPTIMAL", Json.parse(r.out(), "stdout").get("status").asText());
        Run bad = run("solve", "--instance", inst.toString(), "--solver", "bruteforce", "--warm-start-from", "gurobi");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown solver backend \"gurobi\""), bad.err());
        Run several = run("solve", "--instance", inst.toString(), "--solver", "bruteforce", "--warm-start-from", "local,heft,medag", "--json");
        assertEquals(0, several.code(), several.err());
        assertTrue(Json.parse(several.out(), "stdout").get("message").asText().contains("(local"), several.out());
    }

    @Test
    void aMissingFileIsBadInputAndNothingIsWritten(@TempDir Path dir) {
        Path out = dir.resolve("s.json");
        Run r = run("solve", "--instance", dir.resolve("nope.json").toString(), "--solver", "local", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("error: " + dir.resolve("nope.json") + ": no such file", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void versionIsThePomsVersion() throws Exception {
        String pom = java.nio.file.Files.readString(Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>edgesplit</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the pom names its version after the artifactId");
        Run r = run("--version");
        assertEquals(0, r.code());
        assertEquals("edgesplit " + m.group(1), r.out().strip());
    }

    @Test
    void theZooListsSevenModelsWithExactParameterCounts() {
        Run r = run("zoo", "--json");
        assertEquals(0, r.code());
        var a = Json.parse(r.out(), "stdout");
        assertEquals(7, a.size());
        assertEquals(11689512, a.get(3).get("params").asLong()); // resnet18, torchvision's count
    }

    @Test
    void unknownSolverParametersAreListedWithTheAcceptedOnes(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json"), cfg = dir.resolve("c.json");
        InstanceJson.write(TinyInstances.tiny(2), inst);
        Files.writeString(cfg, "{\"name\": \"bf\", \"backend\": \"bruteforce\", \"params\": {\"maxLayerz\": 3}}");
        Run r = run("solve", "--instance", inst.toString(), "--config", cfg.toString());
        assertEquals(2, r.code());
        assertEquals("error: params.maxLayerz: unknown parameter of backend \"bruteforce\"; accepted: maxLayers, maxPlacements", r.err().strip());
    }
}
