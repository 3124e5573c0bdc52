package io.edgesplit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.Json;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/formats.md: reading is strict, and bad input is exit 2 with the file, the JSON path and what was
 * expected, one line, nothing written. jqwik mutates one node of a valid instance, solution or suite file
 * (or cuts the file short) and runs the command that reads it: a mutation that leaves the file valid may
 * run; any refusal must be exit 2, one line naming the file, no Java class name, and no output file; a
 * mutation that can never be valid (an unknown field, an explicit null, a cut file) must be refused.
 */
class ReaderFuzzTest {
    enum Mutation { UNKNOWN_FIELD, NULL, WRONG_TYPE, REMOVE, NEGATIVE, HUGE, FRACTION, EMPTY_STRING, TRUNCATE }

    private static final Set<Mutation> ALWAYS_INVALID = Set.of(Mutation.UNKNOWN_FIELD, Mutation.NULL, Mutation.TRUNCATE);
    private static Path base;
    private static int n;

    /** A folder with the valid files, made once: an instance, its heft solution, a suite and a configuration. */
    private static synchronized Path base() throws Exception {
        if (base != null) return base;
        base = Files.createTempDirectory("fuzz");
        base.toFile().deleteOnExit();
        Files.createDirectories(base.resolve("inst"));
        Files.writeString(base.resolve("inst/i.json"), io.edgesplit.io.MalformedInstanceTestAccess.VALID);
        CliEndToEndTest.Run r = CliEndToEndTest.run("solve", "--instance", base.resolve("inst/i.json").toString(), "--solver", "heft",
                "--out", base.resolve("s.json").toString());
        assertEquals(0, r.code(), r.err());
        Files.writeString(base.resolve("cfg.json"), "{\"name\": \"h\", \"backend\": \"heft\", \"timeLimitSeconds\": 5, \"seed\": 3}");
        return base;
    }

    private static String suite() {
        return "{\"name\": \"fz\", \"description\": \"fuzz\", \"instances\": [\"inst/*.json\"], "
                + "\"solvers\": [{\"backend\": \"local\", \"timeLimitSeconds\": 5, \"workers\": 1}, {\"config\": \"cfg.json\", \"name\": \"h2\"}, \"cfg.json\"], "
                + "\"repeats\": 1, \"graceSeconds\": 1}";
    }

    @Property(tries = 120)
    void aMutatedInstanceIsRefusedWithItsPathAndNothingIsWritten(@ForAll Mutation m, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) throws Exception {
        Path dir = fresh(), f = dir.resolve("i.json");
        Files.writeString(f, mutate(Files.readString(base().resolve("inst/i.json")), m, pick));
        Path out = dir.resolve("out.json"), svg = dir.resolve("g.svg");
        check(m, f, CliEndToEndTest.run("solve", "--instance", f.toString(), "--solver", "heft", "--time-limit", "5",
                "--out", out.toString(), "--gantt", svg.toString()), List.of(out, svg));
    }

    @Property(tries = 120)
    void aMutatedSolutionIsRefusedWithItsPathAndNothingIsWritten(@ForAll Mutation m, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) throws Exception {
        Path dir = fresh(), f = dir.resolve("s.json");
        Files.writeString(f, mutate(Files.readString(base().resolve("s.json")), m, pick));
        Path svg = dir.resolve("g.svg");
        check(m, f, CliEndToEndTest.run("gantt", "--instance", base().resolve("inst/i.json").toString(), "--solution", f.toString(),
                "--out", svg.toString()), List.of(svg));
    }

    @Property(tries = 120)
    void aMutatedSuiteIsRefusedWithItsPathAndNothingIsWritten(@ForAll Mutation m, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) throws Exception {
        Path f = base().resolve("fz" + (++n) + ".json"), results = fresh().resolve("results");
        try {
            Files.writeString(f, mutate(suite(), m, pick));
            check(m, f, CliEndToEndTest.run("bench", f.toString(), "--results", results.toString(), "--no-report", "--no-progress-bar"),
                    List.of(results));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static Path fresh() throws Exception {
        Path d = Files.createTempDirectory(base(), "try");
        d.toFile().deleteOnExit();
        return d;
    }

    private static void check(Mutation m, Path file, CliEndToEndTest.Run r, List<Path> outputs) {
        String what = m + " of " + file + ": exit " + r.code() + "\n" + r.err();
        if (ALWAYS_INVALID.contains(m)) assertEquals(2, r.code(), what);
        assertTrue(Set.of(0, 1, 2).contains(r.code()), what);
        if (r.code() != 2) return;
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + what);
        assertTrue(err.startsWith("error: " + file + ": "), "names the file first: " + what);
        assertFalse(err.matches(".*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*"), "no Java class name: " + what);
        for (Path o : outputs) assertFalse(Files.exists(o), "nothing written (" + o + "): " + what);
    }

    /** One mutation of the document, at the node (or text position) {@code pick} selects. */
    static String mutate(String text, Mutation m, int pick) {
        if (m == Mutation.TRUNCATE) return text.substring(0, pick % (text.strip().length() - 1));
        JsonNode root = Json.parse(text, "base");
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (m == Mutation.UNKNOWN_FIELD) {
            List<ObjectNode> objects = new ArrayList<>();
            if (root instanceof ObjectNode o) objects.add(o);
            for (Slot s : slots) if (s.get() instanceof ObjectNode o) objects.add(o);
            objects.get(pick % objects.size()).put("zzUnknownField", 1);
            return Json.pretty(root);
        }
        List<Slot> candidates = slots.stream().filter(s -> switch (m) {
            case NULL -> s.field() != null; // an explicit null in an array can be meaningful (a profile's "cannot run")
            case NEGATIVE, HUGE, FRACTION -> s.get().isNumber();
            case EMPTY_STRING -> s.get().isTextual();
            default -> true;
        }).toList();
        if (candidates.isEmpty()) return text;
        Slot s = candidates.get(pick % candidates.size());
        JsonNode v = s.get();
        switch (m) {
            case NULL -> s.set(f.nullNode());
            case REMOVE -> s.remove();
            case NEGATIVE -> s.set(f.numberNode(-Math.abs(v.asDouble()) - 1.5));
            case HUGE -> s.set(f.numberNode(1e300));
            case FRACTION -> s.set(f.numberNode(v.asDouble() + 0.5));
            case EMPTY_STRING -> s.set(f.textNode(""));
            case WRONG_TYPE -> s.set(v.isTextual() ? f.numberNode(7) : v.isNumber() ? f.textNode("7") : v.isBoolean() ? f.textNode("yes")
                    : v.isArray() ? f.objectNode() : v.isObject() ? f.arrayNode() : f.booleanNode(true));
            default -> throw new IllegalStateException();
        }
        return Json.pretty(root);
    }

    /** A place in the tree: a field of an object or an element of an array. */
    record Slot(JsonNode parent, String field, int index) {
        JsonNode get() { return field != null ? parent.get(field) : parent.get(index); }

        void set(JsonNode v) {
            if (field != null) ((ObjectNode) parent).set(field, v);
            else ((ArrayNode) parent).set(index, v);
        }

        void remove() {
            if (field != null) ((ObjectNode) parent).remove(field);
            else ((ArrayNode) parent).remove(index);
        }
    }

    private static void collect(JsonNode n, List<Slot> out) {
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String k : names) {
                out.add(new Slot(o, k, -1));
                collect(o.get(k), out);
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(new Slot(a, null, i));
                collect(a.get(i), out);
            }
        }
    }

}
