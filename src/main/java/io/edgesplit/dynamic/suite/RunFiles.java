package io.edgesplit.dynamic.suite;

import io.edgesplit.dynamic.RequestOutcome;
import io.edgesplit.dynamic.SimulationResult;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.Fluctuation;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The files of one simulation run beside {@code sim-runs.csv} (docs/benchmarks.md, "Simulation suites"):
 * <ul>
 *   <li>{@code requests/<scenario>__<policy>__s<seed>.csv}: one line per request (the latency CDF and the
 *       latency-over-time plots are drawn from them);</li>
 *   <li>{@code load/<scenario>__s<seed>.csv}: the realised fluctuations, step by step, after a line at factor 1
 *       from 0 for every node (the load panel of the latency-over-time plot);</li>
 *   <li>for scenarios of at most {@link #MAX_REQUESTS_FOR_INSTANCE} requests, {@code realised/<scenario>__s<seed>.instance.json}
 *       and {@code runs/<scenario>__<policy>__s<seed>.trace.json}, the realised instance and the executed trace,
 *       so {@code validate} and {@code gantt} can check and draw a run.</li>
 * </ul>
 * Every file larger than {@link #GZIP_ABOVE_BYTES} is written gzipped instead ({@code .gz} appended).
 */
public final class RunFiles {
    private RunFiles() {}

    public static final int GZIP_ABOVE_BYTES = 40 * 1024;
    public static final int MAX_REQUESTS_FOR_INSTANCE = 200;

    public static final String REQUESTS_HEADER = "request,model,origin,release_s,completion_s,latency_s,deadline_s,missed";
    public static final String LOAD_HEADER = "node,kind,factor,at_s,value";

    /** A file-name-safe stem: names may hold characters a file system does not like. */
    public static String safe(String s) { return s.replaceAll("[^A-Za-z0-9._-]", "_"); }

    public static String runStem(String scenario, String policy, long seed) { return safe(scenario) + "__" + safe(policy) + "__s" + seed; }

    public static String worldStem(String scenario, long seed) { return safe(scenario) + "__s" + seed; }

    /** Writes the run's files; returns the requests file's path relative to {@code dir}. */
    public static String write(Path dir, SimulationResult r) throws IOException {
        String stem = runStem(r.scenario(), r.policy(), r.seed());
        Path req = write(dir.resolve("requests").resolve(stem + ".csv"), requestsCsv(r.requests()));
        String world = worldStem(r.scenario(), r.seed());
        write(dir.resolve("load").resolve(world + ".csv"), loadCsv(r.realised()));
        if (r.requests().size() <= MAX_REQUESTS_FOR_INSTANCE) {
            write(dir.resolve("realised").resolve(world + ".instance.json"), InstanceJson.write(r.realised()));
            StringWriter w = new StringWriter();
            SolutionJson.writeTo(r.trace(), w);
            write(dir.resolve("runs").resolve(stem + ".trace.json"), w.toString());
        }
        return dir.relativize(req).toString();
    }

    static String requestsCsv(List<RequestOutcome> requests) {
        StringBuilder sb = new StringBuilder(REQUESTS_HEADER).append('\n');
        for (RequestOutcome o : requests)
            sb.append(io.edgesplit.bench.RunRecord.Csv.line(List.of(o.request(), o.model(), o.origin(), SimRow.num(o.release()),
                    SimRow.num(o.completion()), SimRow.num(o.latency()), Double.isNaN(o.deadline()) ? "" : SimRow.num(o.deadline()),
                    Boolean.toString(o.missed())))).append('\n');
        return sb.toString();
    }

    /** Per node with fluctuations, one line per step: its kind, which factor (compute or link), from when, the value. */
    static String loadCsv(Instance in) {
        Map<String, Node> nodes = new HashMap<>();
        for (Node n : in.nodes()) nodes.put(n.name(), n);
        StringBuilder sb = new StringBuilder(LOAD_HEADER).append('\n');
        // Every node first at factor 1 from 0 (docs/model.md §8: 1 before its first step), so a reader knows the
        // nodes that never fluctuated too (they count in a mean over the edge and cloud nodes).
        for (Node n : in.nodes()) sb.append(n.name()).append(',').append(n.kind().json()).append(",compute,0,1\n");
        for (Fluctuation f : in.fluctuations()) {
            Node n = nodes.get(f.node());
            String kind = n == null ? "" : n.kind().json();
            for (Fluctuation.Step s : f.compute()) sb.append(String.format(Locale.ROOT, "%s,%s,compute,%s,%s%n", f.node(), kind, SimRow.num(s.at()), SimRow.num(s.factor())));
            for (Fluctuation.Step s : f.link()) sb.append(String.format(Locale.ROOT, "%s,%s,link,%s,%s%n", f.node(), kind, SimRow.num(s.at()), SimRow.num(s.factor())));
        }
        return sb.toString();
    }

    /**
     * Writes {@code text} to {@code file}, or gzipped to {@code file.gz} when it is larger than
     * {@link #GZIP_ABOVE_BYTES}; the other variant, left by an earlier run, is removed. Atomic (temp + rename).
     */
    public static Path write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        Path target = file;
        if (bytes.length > GZIP_ABOVE_BYTES) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(buf)) {
                z.write(bytes);
            }
            bytes = buf.toByteArray();
            target = gz;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try { // temporary files are private (0600); results are meant to be shared, like Json.writeAtomically's
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        Files.deleteIfExists(target == gz ? file : gz);
        return target;
    }

    /**
     * Reads a file written by {@link #write(Path, String)}, named with or without its {@code .gz}: the plain file,
     * else the gzipped one; null when neither exists.
     */
    public static String read(Path file) throws IOException {
        String name = file.getFileName().toString();
        Path plain = name.endsWith(".gz") ? file.resolveSibling(name.substring(0, name.length() - 3)) : file;
        if (Files.isRegularFile(plain)) return Files.readString(plain, StandardCharsets.UTF_8);
        Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
        if (!Files.isRegularFile(gz)) return null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
