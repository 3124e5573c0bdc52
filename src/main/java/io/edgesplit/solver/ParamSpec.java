package io.edgesplit.solver;

import java.util.List;

/**
 * One backend parameter, declared once: its type, its default and, for a choice, the accepted values. The
 * registry's callers check a configuration against these declarations before any backend runs
 * ({@link Params#checkAgainst}), so a backend reads its parameters without checking them again.
 *
 * @param type         {@code int}, {@code double}, {@code boolean}, {@code string} or {@code choice}
 * @param defaultValue shown in {@code solvers} and used when the key is absent
 * @param choices      the accepted values of a {@code choice}; empty otherwise
 */
public record ParamSpec(String name, String type, Object defaultValue, String description, List<String> choices) {
    public ParamSpec {
        choices = List.copyOf(choices);
        if (type.equals("choice") && !choices.contains(String.valueOf(defaultValue)))
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue + " is not one of " + choices);
    }

    public ParamSpec(String name, String type, Object defaultValue, String description) {
        this(name, type, defaultValue, description, List.of());
    }

    public static ParamSpec ofInt(String name, int def, String description) { return new ParamSpec(name, "int", def, description); }

    public static ParamSpec ofDouble(String name, double def, String description) { return new ParamSpec(name, "double", def, description); }

    public static ParamSpec ofBoolean(String name, boolean def, String description) { return new ParamSpec(name, "boolean", def, description); }

    public static ParamSpec ofString(String name, String def, String description) { return new ParamSpec(name, "string", def, description); }

    /** A string parameter whose value must be one of {@code choices}. */
    public static ParamSpec ofChoice(String name, String def, List<String> choices, String description) {
        return new ParamSpec(name, "choice", def, description, choices);
    }
}
