package io.edgesplit.io;

import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolveOptions;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A solver configuration file (docs/formats.md §3):
 * {@code {"name": "cpsat-60s", "backend": "cpsat", "timeLimitSeconds": 60, "seed": 1, "params": {"workers": 8}}}.
 * {@code workers} may be given at the top level or in {@code params} (both mean the worker count).
 * Extension: {@code "warmStartFrom": "medag"} or {@code "warmStartFrom": ["heft", "edge-only", "medag"]} names
 * backends whose best answer (computed within a share of the time limit) is this backend's warm start
 * ({@code io.edgesplit.solver.WarmStartChain}); an empty list if absent.
 */
public record SolverConfig(String name, String backend, double timeLimitSeconds, long seed, int workers, Map<String, Object> params,
                           List<String> warmStartFrom) {
    public static final double DEFAULT_TIME_LIMIT = 10;

    public SolverConfig {
        params = Map.copyOf(params);
        warmStartFrom = warmStartFrom == null ? List.of() : List.copyOf(warmStartFrom);
    }

    /** Whether another backend runs first to give this one its warm start. */
    public boolean warmStarted() { return !warmStartFrom.isEmpty(); }

    /** A configuration with defaults for a backend named on the command line. */
    public static SolverConfig ofBackend(String backend) {
        return new SolverConfig(backend, backend, DEFAULT_TIME_LIMIT, 1, 1, Map.of(), List.of());
    }

    public static SolverConfig read(Path file) {
        try {
            return fromTree(JsonObj.of(Json.readTree(file), ""));
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    public static SolverConfig fromTree(JsonObj o) {
        String backend = o.string("backend");
        String name = o.optString("name", backend);
        double limit = o.optNumber("timeLimitSeconds", DEFAULT_TIME_LIMIT);
        if (io.edgesplit.solver.Limits.timeLimitProblem(limit) != null)
            throw new InvalidInputException(o.child("timeLimitSeconds"), io.edgesplit.solver.Limits.timeLimitProblem(limit));
        long seed = o.has("seed") ? o.integer("seed") : 1;
        long workers = o.has("workers") ? o.integer("workers") : 1;
        List<String> warmStartFrom = o.has("warmStartFrom") ? warmStartFrom(o.raw("warmStartFrom"), o.child("warmStartFrom")) : List.of();
        Map<String, Object> params = new LinkedHashMap<>();
        JsonObj p = o.optObject("params");
        if (p != null) {
            for (String k : p.fieldNames()) {
                var v = p.raw(k);
                Object value = paramValue(v, p.child(k));
                if (k.equals("workers")) {
                    if (!(value instanceof Long l)) throw new InvalidInputException(p.child(k), "expected an integer, got " + JsonObj.describe(v));
                    workers = l;
                } else params.put(k, value);
            }
            p.done();
        }
        o.done();
        if (workers < 1 || workers > 1024) throw new InvalidInputException(o.child("workers"), "expected an integer in 1..1024, got " + workers);
        return new SolverConfig(name, backend, limit, seed, (int) workers, params, warmStartFrom);
    }

    /** A backend parameter's value: an integer (long), a number (double), a boolean or a string. */
    public static Object paramValue(JsonNode v, String path) {
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isTextual()) return v.asText();
        throw new InvalidInputException(path, "expected a number, string or boolean, got " + JsonObj.describe(v));
    }

    /** {@code "medag"} or {@code ["heft", "medag"]}: one or more distinct backend names. */
    public static List<String> warmStartFrom(JsonNode v, String path) {
        if (v.isTextual()) {
            if (v.asText().isBlank()) throw new InvalidInputException(path, "expected a backend name, got an empty string");
            return List.of(v.asText());
        }
        if (!v.isArray()) throw new InvalidInputException(path, "expected a backend name or an array of backend names, got " + JsonObj.describe(v));
        if (v.isEmpty()) throw new InvalidInputException(path, "expected at least one backend name, got an empty array");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode n = v.get(i);
            String p = path + "[" + i + "]";
            if (!n.isTextual()) throw new InvalidInputException(p, "expected a backend name, got " + JsonObj.describe(n));
            if (n.asText().isBlank()) throw new InvalidInputException(p, "expected a backend name, got an empty string");
            if (names.contains(n.asText())) throw new InvalidInputException(p, "\"" + n.asText() + "\" is listed twice");
            names.add(n.asText());
        }
        return names;
    }

    public SolveOptions options() {
        return new SolveOptions(timeLimitSeconds, seed, workers, null, new Params(params), false);
    }

    public SolverConfig withTimeLimit(double s) { return new SolverConfig(name, backend, s, seed, workers, params, warmStartFrom); }

    public SolverConfig withSeed(long s) { return new SolverConfig(name, backend, timeLimitSeconds, s, workers, params, warmStartFrom); }

    public SolverConfig withWorkers(int w) { return new SolverConfig(name, backend, timeLimitSeconds, seed, w, params, warmStartFrom); }

    public SolverConfig withName(String n) { return new SolverConfig(n, backend, timeLimitSeconds, seed, workers, params, warmStartFrom); }

    public SolverConfig withWarmStartFrom(List<String> b) { return new SolverConfig(name, backend, timeLimitSeconds, seed, workers, params, b); }
}
