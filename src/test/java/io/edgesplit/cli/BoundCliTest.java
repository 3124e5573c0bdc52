package io.edgesplit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.edgesplit.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bound}: every component with its value in ticks and seconds, the winner marked; exit 2 on bad input. */
class BoundCliTest {
    static final String SMALL = "datasets/instances/small/campus-heavy-s1.json";

    @Test
    void boundPrintsEachComponentAndMarksTheWinner() {
        CliEndToEndTest.Run r = run("bound", "--instance", SMALL);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("campus-heavy-small-s1: makespan lower bound "), r.out());
        for (String name : new String[]{"task-alone", "capacity", "capacity-with-deadlines"}) assertTrue(r.out().contains(name), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("  *")).count(), r.out());
    }

    @Test
    void boundJsonGivesTheSameValueAsTheWinningComponent() {
        CliEndToEndTest.Run r = run("bound", "--instance", SMALL, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = Json.parse(r.out(), "stdout");
        assertEquals("makespan", o.get("objective").asText());
        long ticks = o.get("boundTicks").asLong();
        assertTrue(ticks > 0 && ticks <= 207157, "at most the proven optimum: " + ticks);
        assertEquals(ticks * 1e-6, o.get("bound").asDouble(), 1e-9);
        int best = 0;
        for (JsonNode c : o.get("components")) {
            assertTrue(c.get("ticks").asLong() <= ticks);
            if (c.get("best").asBoolean()) { best++; assertEquals(ticks, c.get("ticks").asLong()); }
        }
        assertEquals(1, best);
    }

    @Test
    void aBadInstanceIsBadInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"name\": \"x\"}");
        CliEndToEndTest.Run r = run("bound", "--instance", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: " + f), r.err());
        assertEquals(2, run("bound", "--instance", dir.resolve("nope.json").toString()).code());
        assertEquals(2, run("bound").code());
    }
}
