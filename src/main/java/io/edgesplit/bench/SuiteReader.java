package io.edgesplit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.InvalidInputException;

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
        if (!name.matches("[A-Za-z0-9._-]+"))
            throw new InvalidInputException("name", "expected letters, digits, '.', '_' or '-' (it names the results folder), got \"" + name + "\"");
        String description = o.optString("description", "");
        List<String> globs = o.stringList("instances");
        if (globs.isEmpty()) throw new InvalidInputException("instances", "expected at least one instance glob");
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
        if (!(grace >= 0) || !Double.isFinite(grace)) throw new InvalidInputException("graceSeconds", "expected a finite number >= 0, got " + grace);
        o.done();
        return new Suite(name, description, file, List.copyOf(files), configs, (int) repeats, grace);
    }

    /**
     * A solver entry: a configuration file path; or {@code {"config": PATH, ...overrides}} with optional
     * {@code name}, {@code timeLimitSeconds}, {@code seed}, {@code workers}; or an inline configuration
     * ({@code {"backend": ...}}, SPEC 2.3).
     */
    private static SolverConfig entry(JsonNode n, String path, Path dir) {
        if (n.isTextual()) return readConfig(dir.resolve(n.asText()).normalize(), path);
        JsonObj e = JsonObj.of(n, path);
        if (!e.has("config")) return SolverConfig.fromTree(e);
        SolverConfig c = readConfig(dir.resolve(e.string("config")).normalize(), e.child("config"));
        if (e.has("name")) c = new SolverConfig(e.string("name"), c.backend(), c.timeLimitSeconds(), c.seed(), c.workers(), c.params());
        if (e.has("timeLimitSeconds")) {
            double s = e.number("timeLimitSeconds");
            if (!(s > 0) || !Double.isFinite(s)) throw new InvalidInputException(e.child("timeLimitSeconds"), "expected a finite number > 0, got " + s);
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

    private static SolverConfig readConfig(Path file, String path) {
        if (!Files.isRegularFile(file)) throw new InvalidInputException(path, "no such configuration file: " + file);
        return SolverConfig.read(file);
    }

    /** Expands a glob ({@code *}, {@code **}, {@code ?}, {@code {a,b}}) relative to {@code dir}; a plain path matches itself. */
    static List<Path> expand(Path dir, String glob) {
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
