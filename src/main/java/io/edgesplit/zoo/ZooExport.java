package io.edgesplit.zoo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Layer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the zoo as {@code datasets/models/<name>.json}: each file is the model object exactly as it
 * appears in an instance's {@code models} list (docs/formats.md §1), one layer per line so diffs stay readable.
 * {@code inputs} is omitted when it is exactly the previous layer (or empty for the first layer), as the
 * instance format allows; integral numbers are written as integers.
 *
 * <p>Usage: {@code ZooExport OUTPUT_DIR [--table]}; {@code --table} also prints the markdown summary
 * table of {@code docs/zoo.md}.
 */
public final class ZooExport {
    private ZooExport() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].equals("--table"))) {
            System.err.println("usage: ZooExport OUTPUT_DIR [--table]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (DnnModel m : ModelZoo.all()) {
            Path file = dir.resolve(m.name() + ".json");
            Files.writeString(file, toJson(m), StandardCharsets.UTF_8);
            System.err.println("wrote " + file);
        }
        if (args.length == 2) System.out.print(summaryTable(ModelZoo.all()));
    }

    /** The model as an instance-file model object (without a {@code zoo} mark). */
    public static ObjectNode toTree(DnnModel model) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", model.name());
        putNumber(root, "inputBytes", model.inputBytes());
        ArrayNode layers = root.putArray("layers");
        String previous = null;
        for (Layer l : model.layers()) {
            ObjectNode o = layers.addObject();
            o.put("name", l.name());
            putNumber(o, "flops", l.flops());
            putNumber(o, "outputBytes", l.outputBytes());
            putNumber(o, "paramBytes", l.paramBytes());
            List<String> implied = previous == null ? List.of() : List.of(previous);
            if (!l.inputs().equals(implied)) {
                ArrayNode in = o.putArray("inputs");
                l.inputs().forEach(in::add);
            }
            previous = l.name();
        }
        return root;
    }

    /** The text of {@code datasets/models/<name>.json} for the model (ends with a newline). */
    public static String toJson(DnnModel model) {
        try {
            return MAPPER.writer(new OneLayerPerLine()).writeValueAsString(toTree(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Integral values (every zoo number) as JSON integers, anything else as a double. */
    private static void putNumber(ObjectNode o, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 0x1p53) o.put(field, (long) v);
        else o.put(field, v);
    }

    /**
     * The markdown table of {@code docs/zoo.md}: per model the layers, multi-input layers, parameters,
     * FLOPs, largest tensor.
     */
    public static String summaryTable(List<DnnModel> models) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | layers | multi-input layers | params | param MB | GFLOPs | input | largest tensor |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (DnnModel m : models) {
            long params = Math.round(m.totalParamBytes() / ArchitectureBuilder.BYTES_PER_VALUE);
            long multi = m.layers().stream().filter(l -> l.inputs().size() > 1).count();
            Layer largest = m.layers().get(0);
            for (Layer l : m.layers()) if (l.outputBytes() > largest.outputBytes()) largest = l;
            sb.append(String.format(Locale.ROOT, "| `%s` | %d | %d | %,d | %.2f | %.4f | %,d B | `%s`: %,d B |\n",
                    m.name(), m.layerCount(), multi, params, m.totalParamBytes() / 1e6, m.totalFlops() / 1e9,
                    Math.round(m.inputBytes()), largest.name(), Math.round(largest.outputBytes())));
        }
        return sb.toString();
    }

    /**
     * Pretty printing with the root object and the layers array one entry per line, and everything
     * deeper (a layer object, its inputs) inline: {@code {"name": "conv1", "flops": 1769472, ...}}.
     * Stateful: use a fresh instance per document.
     */
    static final class OneLayerPerLine implements PrettyPrinter {
        /** Open containers; a container opened at depth d (root: 0) is multi-line when d ≤ 1. */
        private int depth;

        private boolean multiLine() { return depth <= 2; }

        private void newline(JsonGenerator g, int indentLevel) throws IOException {
            g.writeRaw('\n');
            for (int i = 0; i < indentLevel; i++) g.writeRaw("  ");
        }

        @Override public void writeRootValueSeparator(JsonGenerator g) throws IOException { g.writeRaw('\n'); }

        @Override public void writeStartObject(JsonGenerator g) throws IOException { g.writeRaw('{'); depth++; }

        @Override public void beforeObjectEntries(JsonGenerator g) throws IOException {
            if (multiLine()) newline(g, depth);
        }

        @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException { g.writeRaw(": "); }

        @Override public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (multiLine()) newline(g, depth);
            else g.writeRaw(' ');
        }

        @Override public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (multiLine() && entries > 0) newline(g, depth - 1);
            g.writeRaw('}');
            depth--;
        }

        @Override public void writeStartArray(JsonGenerator g) throws IOException { g.writeRaw('['); depth++; }

        @Override public void beforeArrayValues(JsonGenerator g) throws IOException {
            if (multiLine()) newline(g, depth);
        }

        @Override public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(',');
            if (multiLine()) newline(g, depth);
            else g.writeRaw(' ');
        }

        @Override public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (multiLine() && values > 0) newline(g, depth - 1);
            g.writeRaw(']');
            depth--;
        }
    }
}
