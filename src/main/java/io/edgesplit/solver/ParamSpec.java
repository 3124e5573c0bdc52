package io.edgesplit.solver;

/**
 * One backend parameter.
 *
 * @param type         {@code int}, {@code double}, {@code boolean} or {@code string}
 * @param defaultValue shown in {@code solvers} and used when the key is absent
 */
public record ParamSpec(String name, String type, Object defaultValue, String description) {
    public static ParamSpec ofInt(String name, int def, String description) { return new ParamSpec(name, "int", def, description); }

    public static ParamSpec ofDouble(String name, double def, String description) { return new ParamSpec(name, "double", def, description); }

    public static ParamSpec ofBoolean(String name, boolean def, String description) { return new ParamSpec(name, "boolean", def, description); }

    public static ParamSpec ofString(String name, String def, String description) { return new ParamSpec(name, "string", def, description); }
}
