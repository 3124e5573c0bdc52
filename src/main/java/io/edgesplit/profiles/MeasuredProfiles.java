package io.edgesplit.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Measured per-layer latencies of zoo models on one piece of hardware (docs/datasets.md, "Measured
 * profiles"): what the scenario family {@code campus-measured} puts into an instance's {@code profiles}
 * instead of {@code flops / speed}.
 *
 * <p>File format (JSON): {@code {"hardware", "source", "licence", "notes"?, "models": {MODEL: {LAYER:
 * seconds, ...}}}}, layer names as in the model zoo (docs/zoo.md). A zoo layer absent from a model's table
 * was fused into a neighbour by the measured runtime and costs 0 there.
 *
 * @param models per zoo model, per layer name, seconds (insertion order kept for readable files)
 */
public record MeasuredProfiles(String hardware, String source, String licence, String notes,
                               Map<String, Map<String, Double>> models) {
    public MeasuredProfiles {
        Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
        models.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        models = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether this hardware has measurements of the zoo model. */
    public boolean covers(String zooModel) { return models.containsKey(zooModel); }

    /**
     * Seconds per layer of {@code model} (a zoo model or a slice of one, whose layers keep their zoo names),
     * in its layer order; {@code zooModel} names the table to look in.
     */
    public List<Double> layerSeconds(DnnModel model, String zooModel) {
        Map<String, Double> table = models.get(zooModel);
        if (table == null) throw new IllegalArgumentException("no measurements of " + zooModel + " on " + hardware);
        List<Double> out = new ArrayList<>();
        for (Layer l : model.layers()) out.add(table.getOrDefault(l.name(), 0.0));
        return out;
    }

    public static MeasuredProfiles read(Path file) {
        return parse(Json.readTree(file), file.toString());
    }

    /** A set shipped with edgesplit (class path resource under {@code io/edgesplit/profiles/}). */
    public static MeasuredProfiles builtIn(String id) {
        String res = "/io/edgesplit/profiles/" + id + ".json";
        try (InputStream in = MeasuredProfiles.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("missing resource " + res);
            return parse(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res), res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MeasuredProfiles parse(JsonNode root, String file) {
        try {
            JsonObj o = JsonObj.of(root, "");
            JsonObj ms = o.object("models");
            Map<String, Map<String, Double>> models = new LinkedHashMap<>();
            for (String m : ms.fieldNames()) {
                JsonObj layers = ms.object(m);
                Map<String, Double> t = new LinkedHashMap<>();
                for (String l : layers.fieldNames()) {
                    double s = layers.number(l);
                    if (!(s >= 0) || Double.isInfinite(s))
                        throw new InvalidInputException(layers.child(l), "expected seconds >= 0, got " + s);
                    t.put(l, s);
                }
                layers.done();
                models.put(m, t);
            }
            ms.done();
            MeasuredProfiles p = new MeasuredProfiles(o.string("hardware"), o.string("source"), o.string("licence"),
                    o.optString("notes", null), models);
            o.done();
            return p;
        } catch (InvalidInputException e) {
            throw e.inFile(file);
        }
    }

    public String toJson() {
        ObjectNode o = Json.object();
        o.put("hardware", hardware);
        o.put("source", source);
        o.put("licence", licence);
        if (notes != null) o.put("notes", notes);
        ObjectNode ms = o.putObject("models");
        models.forEach((m, t) -> {
            ObjectNode lo = ms.putObject(m);
            t.forEach((l, s) -> Json.put(lo, l, s));
        });
        return Json.pretty(o);
    }

    /** This set with one model's table added or replaced. */
    public MeasuredProfiles with(String zooModel, Map<String, Double> table) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>(models);
        m.put(zooModel, table);
        return new MeasuredProfiles(hardware, source, licence, notes, m);
    }

    // ------------------------------------------------------------------ the TensorRT importer

    /** One rule of a layer map: entries whose name matches {@code pattern} (a find) belong to zoo layer {@code layer}. */
    public record Rule(Pattern pattern, String layer) {}

    /**
     * Reads a layer map: one rule per line, {@code REGEX<whitespace>ZOO_LAYER}; {@code #} starts a comment.
     * The first rule whose regex is found in an entry's name wins.
     */
    public static List<Rule> readMap(Path file) throws IOException {
        List<Rule> rules = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file)) {
            n++;
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] parts = s.split("\\s+");
            if (parts.length != 2)
                throw new InvalidInputException(file.toString(), "line " + n, "expected REGEX ZOO_LAYER, got \"" + s + "\"");
            try {
                rules.add(new Rule(Pattern.compile(parts[0]), parts[1]));
            } catch (PatternSyntaxException e) {
                throw new InvalidInputException(file.toString(), "line " + n, "bad regular expression: " + e.getDescription());
            }
        }
        return rules;
    }

    /**
     * Per zoo layer, seconds, from a TensorRT profile ({@code trtexec --exportProfile}: a JSON array whose
     * first element is {@code {"count"}} and then {@code {"name", "averageMs", ...}} per engine layer).
     * TensorRT fuses operators (conv + activation, conv + residual add), and inserts reformatting and shape
     * layers: an entry goes to the zoo layer of the first rule matching its name; an entry no rule matches
     * (a reformat or shape call) is charged to the next matched entry's layer (it prepares that layer's input),
     * or to the last layer when none follows. Every zoo layer of the model must exist; a rule naming another
     * layer is an error.
     */
    public static Map<String, Double> fromTensorRt(JsonNode profile, String file, DnnModel model, List<Rule> rules) {
        if (!profile.isArray()) throw new InvalidInputException(file, "", "expected a JSON array (trtexec --exportProfile)");
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Layer l : model.layers()) names.add(l.name());
        for (Rule r : rules)
            if (!names.contains(r.layer())) throw new InvalidInputException(file, "", "the map names layer " + r.layer() + ", which " + model.name() + " does not have");
        Map<String, Double> secs = new LinkedHashMap<>();
        for (Layer l : model.layers()) secs.put(l.name(), 0.0);
        double pending = 0;
        String last = null;
        for (int i = 0; i < profile.size(); i++) {
            JsonNode e = profile.get(i);
            if (e.has("count") && !e.has("name")) continue;
            String path = "[" + i + "]";
            if (!e.has("name") || !e.get("name").isTextual()) throw new InvalidInputException(file, path + ".name", "expected a string");
            if (!e.has("averageMs") || !e.get("averageMs").isNumber())
                throw new InvalidInputException(file, path + ".averageMs", "expected a number");
            String name = e.get("name").asText();
            double s = e.get("averageMs").asDouble() / 1000.0;
            String layer = null;
            for (Rule r : rules) if (r.pattern().matcher(name).find()) { layer = r.layer(); break; }
            if (layer == null) {
                pending += s;
                continue;
            }
            secs.merge(layer, s + pending, Double::sum);
            pending = 0;
            last = layer;
        }
        if (pending > 0) secs.merge(last != null ? last : model.layers().get(model.layers().size() - 1).name(), pending, Double::sum);
        // Drop zeros: an absent layer means "fused", and the file stays short.
        Map<String, Double> out = new LinkedHashMap<>();
        secs.forEach((k, v) -> { if (v > 0) out.put(k, Math.round(v * 1e9) / 1e9); });
        return out;
    }
}
