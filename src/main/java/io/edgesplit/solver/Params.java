package io.edgesplit.solver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Backend parameters with typed access; a wrong type is an {@link IllegalArgumentException} naming the key. */
public final class Params {
    public static final Params EMPTY = new Params(Map.of());

    private final Map<String, Object> values;

    public Params(Map<String, Object> values) { this.values = Map.copyOf(new TreeMap<>(values)); }

    public Map<String, Object> asMap() { return values; }

    public boolean has(String key) { return values.containsKey(key); }

    public int getInt(String key, int def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        throw new IllegalArgumentException("params." + key + ": expected an integer, got " + v);
    }

    public double getDouble(String key, double def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("params." + key + ": expected a number, got " + v);
    }

    public boolean getBoolean(String key, boolean def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException("params." + key + ": expected true or false, got " + v);
    }

    public String getString(String key, String def) {
        Object v = values.get(key);
        if (v == null) return def;
        if (v instanceof String s) return s;
        throw new IllegalArgumentException("params." + key + ": expected a string, got " + v);
    }

    /**
     * Checks keys and value types against a backend's declared parameters.
     *
     * @throws IllegalArgumentException naming the unknown key and listing the accepted ones
     */
    public void checkAgainst(String backend, List<ParamSpec> specs) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            ParamSpec spec = specs.stream().filter(s -> s.name().equals(e.getKey())).findFirst().orElse(null);
            if (spec == null)
                throw new IllegalArgumentException("params." + e.getKey() + ": unknown parameter of backend \"" + backend
                        + "\"; accepted: " + (specs.isEmpty() ? "none" : String.join(", ", specs.stream().map(ParamSpec::name).toList())));
            switch (spec.type()) {
                case "int" -> getInt(e.getKey(), 0);
                case "double" -> getDouble(e.getKey(), 0);
                case "boolean" -> getBoolean(e.getKey(), false);
                case "choice" -> {
                    String v = getString(e.getKey(), "");
                    if (!spec.choices().contains(v))
                        throw new IllegalArgumentException("params." + e.getKey() + ": expected one of " + String.join(", ", spec.choices())
                                + ", got \"" + v + "\"");
                }
                default -> getString(e.getKey(), "");
            }
        }
    }

    @Override
    public String toString() { return values.toString(); }
}
