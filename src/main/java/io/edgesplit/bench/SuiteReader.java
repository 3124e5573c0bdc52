package io.edgesplit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Objective;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a suite file strictly (unknown fields are errors, every error names its JSON path).
 *
 * <p>Relative paths (instance globs and configuration files) are resolved against the directory of the
 * suite file, so a suite runs the same from any working directory: {@code benchmarks/quick.json} names
 * {@code ../datasets/instances/tiny/*.json} and {@code ../solvers/local.json}.
 */
public final class SuiteReader {
    private SuiteReader() {}

    public static Suite read(Path file) {
        try {
            return fromTree(Json.readTree(file), file);
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    static Suite fromTree(JsonNode root, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        JsonObj o = JsonObj.of(root, "");
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        String name = o.optString("name", stem);
        // It names the results folder: a leading letter or digit keeps "." and ".." (and hidden folders) out.
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}"))
            throw new InvalidInputException("name", "expected a letter or digit followed by letters, digits, '.', '_' or '-' "
                    + "(at most 100 characters; it names the results folder), got \"" + name + "\"");
        String description = o.optString("description", "");
        // "kind" tells offline suites from simulation suites (io.edgesplit.dynamic.suite); offline is the default.
        if (o.has("kind") && !o.string("kind").equals("offline"))
            throw new InvalidInputException("kind", "expected \"offline\" (or \"simulation\", read by the simulation runner), got \"" + o.string("kind") + "\"");
        List<String> globs = o.has("instances") ? o.stringList("instances") : List.of();
        List<ScenarioGenerator.Spec> generated = new ArrayList<>();
        if (o.has("generate")) for (List<ScenarioGenerator.Spec> l : o.list("generate", SuiteReader::generatorEntry)) generated.addAll(l);
        if (globs.isEmpty() && generated.isEmpty())
            throw new InvalidInputException("instances", "expected at least one instance glob in \"instances\" or one spec in \"generate\"");
        Set<String> genNames = new HashSet<>();
        for (ScenarioGenerator.Spec sp : generated)
            if (!genNames.add(sp.name())) throw new InvalidInputException("generate", "instance \"" + sp.name() + "\" is generated twice");
        TreeSet<Path> files = new TreeSet<>();
        for (int i = 0; i < globs.size(); i++) {
            List<Path> matched = expand(dir, globs.get(i));
            if (matched.isEmpty())
                throw new InvalidInputException("instances[" + i + "]", "\"" + globs.get(i) + "\" matches no file (relative to " + dir + ")");
            files.addAll(matched);
        }
        List<SolverConfig> configs = o.list("solvers", (n, p) -> entry(n, p, dir));
        if (configs.isEmpty()) throw new InvalidInputException("solvers", "expected at least one solver configuration");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < configs.size(); i++)
            if (!names.add(configs.get(i).name()))
                throw new InvalidInputException("solvers[" + i + "]", "duplicate configuration name \"" + configs.get(i).name()
                        + "\"; give each entry its own \"name\"");
        long repeats = o.has("repeats") ? o.integer("repeats") : 1;
        if (repeats < 1 || repeats > 1000) throw new InvalidInputException("repeats", "expected an integer in 1..1000, got " + repeats);
        double grace = o.optNumber("graceSeconds", 5);
        if (!(grace >= 0) || !(grace <= 3600)) throw new InvalidInputException("graceSeconds", "expected a number of seconds in 0..3600, got " + grace);
        o.done();
        return new Suite(name, description, file, List.copyOf(files), generated, configs, (int) repeats, grace);
    }

    /**
     * A solver entry: a configuration file path; or {@code {"config": PATH, ...overrides}} with optional
     * {@code name}, {@code timeLimitSeconds}, {@code seed}, {@code workers}, {@code warmStartFrom}; or an inline configuration
     * ({@code {"backend": ...}}, docs/formats.md §3).
     */
    private static SolverConfig entry(JsonNode n, String path, Path dir) {
        if (n.isTextual()) return readConfig(dir.resolve(n.asText()).normalize(), path);
        JsonObj e = JsonObj.of(n, path);
        if (!e.has("config")) return SolverConfig.fromTree(e);
        SolverConfig c = readConfig(dir.resolve(e.string("config")).normalize(), e.child("config"));
        if (e.has("name")) c = c.withName(e.string("name"));
        if (e.has("warmStartFrom")) c = c.withWarmStartFrom(SolverConfig.warmStartFrom(e.raw("warmStartFrom"), e.child("warmStartFrom")));
        if (e.has("timeLimitSeconds")) {
            double s = e.number("timeLimitSeconds");
            if (io.edgesplit.solver.Limits.timeLimitProblem(s) != null)
                throw new InvalidInputException(e.child("timeLimitSeconds"), io.edgesplit.solver.Limits.timeLimitProblem(s));
            c = c.withTimeLimit(s);
        }
        if (e.has("seed")) c = c.withSeed(e.integer("seed"));
        if (e.has("workers")) {
            long w = e.integer("workers");
            if (w < 1 || w > 1024) throw new InvalidInputException(e.child("workers"), "expected an integer in 1..1024, got " + w);
            c = c.withWorkers((int) w);
        }
        e.done();
        return c;
    }

    /**
     * A generator entry (the scenario generator, docs/datasets.md): {@code {"scenario": "campus-heavy", "size":
     * "medium", "seeds": [1, 2, 3], "tasks": [10, 20, 40], "nodes": 16, "objective": ..., "granularity": ...,
     * "contention": ...}}. {@code seeds} (required) and {@code tasks} may be lists: every combination is generated.
     */
    private static List<ScenarioGenerator.Spec> generatorEntry(JsonNode n, String path) {
        JsonObj e = JsonObj.of(n, path);
        ScenarioGenerator.Family family = JsonObj.enumValue(e.string("scenario"), e.child("scenario"), ScenarioGenerator.Family::fromId,
                "testbed, campus-light, campus-heavy");
        ScenarioGenerator.SizeClass size = JsonObj.enumValue(e.optString("size", "small"), e.child("size"), ScenarioGenerator.SizeClass::fromId,
                "tiny, small, medium, large");
        List<Long> seeds = longs(e, "seeds", 0, Long.MAX_VALUE);
        if (seeds == null) throw new InvalidInputException(e.child("seeds"), "missing required field \"seeds\"");
        List<Long> tasks = longs(e, "tasks", 1, 100_000);
        Long nodes = e.has("nodes") ? e.integer("nodes") : null;
        if (nodes != null && (nodes < 2 || nodes > 10_000)) throw new InvalidInputException(e.child("nodes"), "expected an integer in 2..10000, got " + nodes);
        Objective obj = e.has("objective") ? JsonObj.enumValue(e.string("objective"), e.child("objective"), SuiteReader::objective, "makespan, total-latency") : null;
        Granularity gran = e.has("granularity") ? JsonObj.enumValue(e.string("granularity"), e.child("granularity"), SuiteReader::granularity, "segment, layer") : null;
        Contention cont = e.has("contention") ? JsonObj.enumValue(e.string("contention"), e.child("contention"), SuiteReader::contention, "ingress, none") : null;
        e.done();
        List<ScenarioGenerator.Spec> out = new ArrayList<>();
        for (Long t : tasks == null ? java.util.Collections.<Long>singletonList(null) : tasks)
            for (long seed : seeds)
                out.add(new ScenarioGenerator.Spec(family, size, seed, t == null ? null : t.intValue(), nodes == null ? null : nodes.intValue(), obj, gran, cont));
        return out;
    }

    private static List<Long> longs(JsonObj e, String field, long min, long max) {
        if (!e.has(field)) return null;
        JsonNode v = e.raw(field);
        List<Long> out = v.isArray() ? JsonObj.list(v, e.child(field), (x, p) -> JsonObj.integer(x, p)) : List.of(JsonObj.integer(v, e.child(field)));
        if (out.isEmpty()) throw new InvalidInputException(e.child(field), "expected at least one value");
        for (long x : out) if (x < min || x > max) throw new InvalidInputException(e.child(field), "expected integers in " + min + ".." + max + ", got " + x);
        return out;
    }

    private static Objective objective(String s) { for (Objective x : Objective.values()) if (x.json().equals(s)) return x; return null; }

    private static Granularity granularity(String s) { for (Granularity x : Granularity.values()) if (x.json().equals(s)) return x; return null; }

    private static Contention contention(String s) { for (Contention x : Contention.values()) if (x.json().equals(s)) return x; return null; }

    private static SolverConfig readConfig(Path file, String path) {
        if (!Files.isRegularFile(file)) throw new InvalidInputException(path, "no such configuration file: " + file);
        return SolverConfig.read(file);
    }

    /**
     * Expands a glob ({@code *}, {@code **}, {@code ?}, {@code {a,b}}) relative to {@code dir}; a plain path matches
     * itself. Public for the simulation suites ({@code io.edgesplit.dynamic.suite}), which expand theirs the same way.
     */
    public static List<Path> expand(Path dir, String glob) {
        Path full = dir.resolve(glob).normalize();
        String s = full.toString();
        int firstMeta = firstGlobChar(s);
        if (firstMeta < 0) return Files.isRegularFile(full) ? List.of(full) : List.of();
        int cut = s.lastIndexOf(full.getFileSystem().getSeparator(), firstMeta);
        Path base = Path.of(cut <= 0 ? full.getFileSystem().getSeparator() : s.substring(0, cut));
        if (!Files.isDirectory(base)) return List.of();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + s.replace("\\", "\\\\"));
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(Files::isRegularFile).filter(m::matches).sorted().forEach(out::add);
        } catch (IOException ex) {
            throw new InvalidInputException(glob, "cannot list " + base + ": " + ex.getMessage());
        }
        return out;
    }

    private static int firstGlobChar(String s) {
        for (int i = 0; i < s.length(); i++) if ("*?[{".indexOf(s.charAt(i)) >= 0) return i;
        return -1;
    }
}
