package io.edgesplit.cli;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: what {@code solve --json} prints, saved as it is, is a solution {@code validate} accepts. */
class SolveJsonValidatesTest {
    @Test
    void validateTakesWhatSolveJsonPrints(@TempDir Path dir) throws Exception {
        Path inst = dir.resolve("i.json"), printed = dir.resolve("printed.json");
        InstanceJson.write(TinyInstances.tiny(2), inst);
        CliEndToEndTest.Run solve = CliEndToEndTest.run("solve", "--instance", inst.toString(), "--solver", "medag", "--json");
        assertEquals(0, solve.code(), solve.err());
        Files.writeString(printed, solve.out());
        CliEndToEndTest.Run validate = CliEndToEndTest.run("validate", "--instance", inst.toString(), "--solution", printed.toString());
        assertEquals(0, validate.code(), validate.out() + validate.err());
        assertTrue(validate.out().startsWith("valid  "), validate.out());
        // the extra fields are type-checked: a wrong type is still bad input (exit 2, naming the field)
        Files.writeString(printed, solve.out().replace("\"valid\": true", "\"valid\": \"yes\""));
        CliEndToEndTest.Run bad = CliEndToEndTest.run("validate", "--instance", inst.toString(), "--solution", printed.toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("valid: expected true or false"), bad.err());
        // and an unknown field is still rejected
        Files.writeString(printed, Json.pretty(((com.fasterxml.jackson.databind.node.ObjectNode) Json.parse(solve.out(), "out")).put("validity", 1)));
        CliEndToEndTest.Run unknown = CliEndToEndTest.run("validate", "--instance", inst.toString(), "--solution", printed.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown field \"validity\""), unknown.err());
    }
}
