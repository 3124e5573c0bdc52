package io.edgesplit.dynamic.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.bench.SuiteReader;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solver.Limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a simulation suite strictly, like {@link SuiteReader} reads an offline one: unknown fields are errors,
 * every error names its JSON path, relative paths start at the suite file's directory (the same glob code).
 */
public final class SimSuiteReader {
    private SimSuiteReader() {}

    public static final String KIND = "simulation";

    /** Whether a suite file declares {@code "kind": "simulation"} (offline suites have no kind, or {@code "offline"}). */
    public static boolean isSimulation(Path file) {
        JsonNode kind = Json.readTree(file).get("kind");
        return kind != null && kind.isTextual() && KIND.equals(kind.asText());
    }

    public static SimSuite read(Path file) {
        try {
            return fromTree(Json.readTree(file), file);
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    static SimSuite fromTree(JsonNode root, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        JsonObj o = JsonObj.of(root, "");
        String kind = o.string("kind");
        if (!KIND.equals(kind)) throw new InvalidInputException("kind", "expected \"" + KIND + "\" in a simulation suite, got \"" + kind + "\"");
        String name = o.optString("name", file.getFileName().toString().replaceFirst("\\.json$", ""));
        // It names the results folder, like an offline suite's name.
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}"))
            throw new InvalidInputException("name", "expected a letter or digit followed by letters, digits, '.', '_' or '-' "
                    + "(at most 100 characters; it names the results folder), got \"" + name + "\"");
        String description = o.optString("description", "");
        List<String> globs = o.stringList("scenarios");
        if (globs.isEmpty()) throw new InvalidInputException("scenarios", "expected at least one scenario file or glob");
        TreeSet<Path> scenarios = new TreeSet<>();
        for (int i = 0; i < globs.size(); i++) {
            List<Path> matched = SuiteReader.expand(dir, globs.get(i));
            if (matched.isEmpty())
                throw new InvalidInputException("scenarios[" + i + "]", "\"" + globs.get(i) + "\" matches no file (relative to " + dir + ")");
            scenarios.addAll(matched);
        }
        List<SimSuite.PolicyRef> policies = new ArrayList<>();
        List<String> entries = o.stringList("policies");
        if (entries.isEmpty()) throw new InvalidInputException("policies", "expected at least one policy file or name");
        for (int i = 0; i < entries.size(); i++) policies.addAll(policy(dir, entries.get(i), "policies[" + i + "]"));
        List<Long> seeds = seeds(o);
        SimSuite.HindsightConfig hindsight = o.has("hindsight") ? hindsight(o.object("hindsight")) : null;
        double timeout = o.optNumber("timeoutSeconds", 3600);
        if (!(timeout > 0) || timeout > 7 * 24 * 3600)
            throw new InvalidInputException("timeoutSeconds", "expected a number of seconds in (0, 604800], got " + timeout);
        o.done();
        return new SimSuite(name, description, file, List.copyOf(scenarios), policies, seeds, hindsight, timeout);
    }

    /**
     * A policy entry: a file or glob when it looks like a path (a {@code /}, a {@code .json} ending or a glob
     * character), which must match; otherwise a policy name, resolved when the suite runs.
     */
    private static List<SimSuite.PolicyRef> policy(Path dir, String entry, String path) {
        if (entry.isBlank()) throw new InvalidInputException(path, "expected a policy file or name, got an empty string");
        boolean looksLikePath = entry.contains("/") || entry.endsWith(".json") || entry.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
        if (!looksLikePath) return List.of(new SimSuite.PolicyRef(entry, null, path));
        List<Path> matched = SuiteReader.expand(dir, entry);
        if (matched.isEmpty()) throw new InvalidInputException(path, "\"" + entry + "\" matches no file (relative to " + dir + ")");
        return matched.stream().map(f -> new SimSuite.PolicyRef(entry, f, path)).toList();
    }

    private static List<Long> seeds(JsonObj o) {
        if (!o.has("seeds")) return List.of(1L);
        JsonNode v = o.raw("seeds");
        List<Long> out = v.isArray() ? JsonObj.list(v, "seeds", JsonObj::integer) : List.of(JsonObj.integer(v, "seeds"));
        if (out.isEmpty()) throw new InvalidInputException("seeds", "expected at least one seed");
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) < 0) throw new InvalidInputException("seeds[" + i + "]", "expected a seed ≥ 0, got " + out.get(i));
            if (!seen.add(out.get(i))) throw new InvalidInputException("seeds[" + i + "]", "seed " + out.get(i) + " is listed twice");
        }
        return List.copyOf(out);
    }

    private static SimSuite.HindsightConfig hindsight(JsonObj h) {
        String backend = h.string("backend");
        double limit = h.optNumber("timeLimitSeconds", 30);
        if (Limits.timeLimitProblem(limit) != null) throw new InvalidInputException(h.child("timeLimitSeconds"), Limits.timeLimitProblem(limit));
        long workers = h.has("workers") ? h.integer("workers") : 1;
        if (Limits.workersProblem(workers) != null) throw new InvalidInputException(h.child("workers"), Limits.workersProblem(workers));
        long seed = h.has("seed") ? h.integer("seed") : 1;
        long max = h.has("maxRequests") ? h.integer("maxRequests") : 12;
        if (max < 1 || max > 100_000) throw new InvalidInputException(h.child("maxRequests"), "expected an integer in 1..100000, got " + max);
        h.done();
        return new SimSuite.HindsightConfig(backend, limit, (int) workers, seed, (int) max);
    }
}
