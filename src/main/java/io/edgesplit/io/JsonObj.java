package io.edgesplit.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.model.InvalidInputException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Strict, path-aware access to one JSON object: every getter names the JSON path of the value in its
 * error, and {@link #done()} rejects fields nobody asked for (typos must not pass silently).
 */
public final class JsonObj {
    private final JsonNode node;
    private final String path;
    private final Set<String> seen = new LinkedHashSet<>();

    private JsonObj(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps {@code node}, which must be an object. */
    public static JsonObj of(JsonNode node, String path) {
        if (node == null || !node.isObject())
            throw new InvalidInputException(path, "expected an object, got " + describe(node));
        return new JsonObj(node, path);
    }

    public String path() { return path; }

    public String child(String field) { return path.isEmpty() ? field : path + "." + field; }

    public boolean has(String field) {
        seen.add(field);
        return node.get(field) != null; // an explicit null is present, and then rejected by the typed getter
    }

    public JsonNode raw(String field) {
        seen.add(field);
        return node.get(field);
    }

    public String string(String field) {
        JsonNode v = required(field);
        if (!v.isTextual()) throw new InvalidInputException(child(field), "expected a string, got " + describe(v));
        return v.asText();
    }

    public String optString(String field, String def) { return has(field) ? string(field) : def; }

    public double number(String field) {
        JsonNode v = required(field);
        return number(v, child(field));
    }

    public double optNumber(String field, double def) { return has(field) ? number(field) : def; }

    public Double optNumberOrNull(String field) { return has(field) ? number(field) : null; }

    public long integer(String field) {
        JsonNode v = required(field);
        return integer(v, child(field));
    }

    public Long optIntegerOrNull(String field) { return has(field) ? integer(field) : null; }

    public boolean bool(String field, boolean def) {
        if (!has(field)) return def;
        JsonNode v = node.get(field);
        if (!v.isBoolean()) throw new InvalidInputException(child(field), "expected true or false, got " + describe(v));
        return v.asBoolean();
    }

    public JsonObj object(String field) { return of(required(field), child(field)); }

    public JsonObj optObject(String field) { return has(field) ? object(field) : null; }

    /** The array's elements, each converted by {@code each} with its own path. */
    public <T> List<T> list(String field, ElementReader<T> each) {
        JsonNode v = required(field);
        return list(v, child(field), each);
    }

    public <T> List<T> optList(String field, ElementReader<T> each) {
        return has(field) ? list(field, each) : null;
    }

    public List<String> stringList(String field) {
        return list(field, (n, p) -> {
            if (!n.isTextual()) throw new InvalidInputException(p, "expected a string, got " + describe(n));
            return n.asText();
        });
    }

    /** Reads one array element; {@code path} is its JSON path, e.g. {@code tasks[3]}. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(JsonNode element, String path);
    }

    public static <T> List<T> list(JsonNode v, String path, ElementReader<T> each) {
        if (!v.isArray()) throw new InvalidInputException(path, "expected an array, got " + describe(v));
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) out.add(each.read(v.get(i), path + "[" + i + "]"));
        return out;
    }

    /** Rejects any field that was not asked for, listing the accepted ones. */
    public void done() {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (!seen.contains(f))
                throw new InvalidInputException(child(f), "unknown field \"" + f + "\"; expected one of "
                        + String.join(", ", seen));
        }
    }

    /** The object's field names, in file order. */
    public List<String> fieldNames() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private JsonNode required(String field) {
        seen.add(field);
        JsonNode v = node.get(field);
        if (v == null) throw new InvalidInputException(child(field), "missing required field \"" + field + "\"");
        return v;
    }

    public static double number(JsonNode v, String path) {
        if (!v.isNumber()) throw new InvalidInputException(path, "expected a number, got " + describe(v));
        return v.asDouble();
    }

    public static long integer(JsonNode v, String path) {
        if (!v.isNumber()) throw new InvalidInputException(path, "expected an integer, got " + describe(v));
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) throw new InvalidInputException(path, "integer out of range: " + v.asText());
            return v.asLong();
        }
        double d = v.asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15)
            throw new InvalidInputException(path, "expected an integer, got " + v.asText());
        return (long) d;
    }

    public static <E> E enumValue(String text, String path, Function<String, E> parse, String accepted) {
        E e = parse.apply(text);
        if (e == null) throw new InvalidInputException(path, "unknown value \"" + text + "\"; expected one of " + accepted);
        return e;
    }

    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "the string \"" + v.asText() + "\"";
        if (v.isNumber()) return "the number " + v.asText();
        if (v.isBoolean()) return v.asText();
        if (v.isArray()) return "an array";
        if (v.isObject()) return "an object";
        return v.getNodeType().toString().toLowerCase();
    }
}
