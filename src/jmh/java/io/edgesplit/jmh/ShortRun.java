package io.edgesplit.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The short profile (docs/performance.md): every benchmark once, with one fork and few, short iterations
 * and selected parameters, so the whole run takes minutes on a 2-core machine. It measures only the
 * backends registered in this build (and says which wanted ones it skips), the committed datasets when
 * they are there, writes one JMH JSON file with time and quality counters, then the scaling table and
 * plot ({@link ScalingReport}).
 *
 * <p>Run from the repository root: {@code mvn -B -Pjmh -DskipTests package exec:exec}, or
 * {@code java -cp target/edgesplit-jmh.jar io.edgesplit.jmh.ShortRun [outDir]} (default results/jmh).
 * System properties shorten or widen it: {@code jmh.sizes} (scaling sizes, comma-separated
 * {@code t<tasks>-n<nodes>}), {@code jmh.scalingBackends}, {@code jmh.nodeSizes}, {@code jmh.nodeScalingBackends}, {@code jmh.anytimeBackends},
 * {@code jmh.solveBackends},
 * {@code jmh.instances} (for SolveBench), {@code jmh.only} (a regexp of benchmark classes to run).
 */
public final class ShortRun {
    private ShortRun() {}

    /** Every heuristic and baseline backend the project plans; those not registered are skipped. */
    static final List<String> HEURISTICS = List.of("local", "medag", "decoupled", "edge-only", "neurosurgeon", "heft", "random");
    /**
     * The fast backends for the scaling runs (5 s limit); random (K full plans per solve) is left out.
     * medag runs twice: with {@code maxPasses=0}, its construction alone (every task's shortest DAG path,
     * then one preschedule), here; and with its defaults, an anytime search (remapping passes until a pass
     * improves nothing or the time limit), in its own part with a 2 s limit, because from a few hundred
     * tasks on it spends whatever it is given: its time there is the limit, not a measure of its cost.
     */
    static final List<String> SCALING = List.of("local", "edge-only", "decoupled", "neurosurgeon", "heft", "medag:maxPasses=0");
    static final List<String> ANYTIME = List.of("medag");
    /** The node-count series (at 200 tasks; 8 nodes comes from the task series) for medag's construction only, to stay short. */
    static final List<String> NODE_SCALING = List.of("medag:maxPasses=0", "heft");
    static final String NODE_SIZES = "t200-n4,t200-n16";
    static final List<String> EXACT = List.of("cpsat", "choco");
    static final String SIZES = "t50-n8,t100-n8,t200-n8,t400-n8,t800-n8,t1600-n8";

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "results/jmh");
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        SolverRegistry registry = SolverRegistry.load();
        List<String> heuristics = registered(registry, prop("jmh.solveBackends", HEURISTICS), false);
        List<String> scaling = registered(registry, prop("jmh.scalingBackends", SCALING), false);
        List<String> exact = registered(registry, EXACT, true);
        List<String> instances = prop("jmh.instances", datasetInstances());
        List<String> sizes = prop("jmh.sizes", List.of(SIZES.split(",")));
        List<String> anytime = registered(registry, prop("jmh.anytimeBackends", ANYTIME), false);
        List<String> nodeScaling = registered(registry, prop("jmh.nodeScalingBackends", NODE_SCALING), false);
        List<String> nodeSizes = prop("jmh.nodeSizes", List.of(NODE_SIZES.split(",")));
        String only = System.getProperty("jmh.only", ".*");
        System.out.println("[edgesplit] short JMH profile; registered backends: " + registry.names());
        System.out.println("[edgesplit] SolveBench backends " + heuristics + " on " + instances);
        System.out.println("[edgesplit] ScalingBench backends " + scaling + " on " + sizes);
        System.out.println("[edgesplit] ScalingBench (anytime, 2 s) backends " + anytime + " on " + sizes);
        System.out.println("[edgesplit] ScalingBench (nodes) backends " + nodeScaling + " on " + nodeSizes);
        System.out.println("[edgesplit] ExactBench backends " + exact);

        List<Path> parts = new ArrayList<>();
        if (!heuristics.isEmpty() && "SolveBench".matches(only))
            parts.add(run(out, "solve", base("SolveBench").param("backend", arr(heuristics)).param("instance", arr(instances))
                    .param("timeLimit", "5").warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if (!scaling.isEmpty() && "ScalingBench".matches(only))
            parts.add(run(out, "scaling", base("ScalingBench").param("backend", arr(scaling)).param("size", arr(sizes))
                    .param("timeLimit", "5").warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if (!anytime.isEmpty() && "ScalingBench".matches(only))
            parts.add(run(out, "scaling-anytime", base("ScalingBench").param("backend", arr(anytime)).param("size", arr(sizes))
                    .param("timeLimit", "2").warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if (!nodeScaling.isEmpty() && !nodeSizes.isEmpty() && "ScalingBench".matches(only))
            parts.add(run(out, "scaling-nodes", base("ScalingBench").param("backend", arr(nodeScaling)).param("size", arr(nodeSizes))
                    .param("timeLimit", "5").warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if ("PreschedulerBench".matches(only))
            parts.add(run(out, "prescheduler", base("PreschedulerBench").param("instance", "gen:t100-n8", "gen:t400-n8", "gen:t1600-n8")
                    .warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if ("CoreBench".matches(only))
            parts.add(run(out, "core", base("CoreBench").param("instance", arr(coreInstances(instances)))
                    .warmupIterations(1).warmupTime(sec(1)).measurementIterations(2).measurementTime(sec(1))));
        if (!exact.isEmpty() && "ExactBench".matches(only))
            parts.add(run(out, "exact", base("ExactBench").param("backend", arr(exact)).param("instance", arr(exactInstances()))
                    .param("timeLimit", "2").warmupIterations(1).measurementIterations(2)));

        Path json = out.resolve("jmh-short.json");
        merge(parts, json);
        for (Path p : parts) Files.deleteIfExists(p);
        System.out.printf("[edgesplit] JMH result: %s (%.1f min)%n", json, (System.nanoTime() - t0) / 60e9);
        ScalingReport.main(new String[]{json.toString(), out.resolve("jmh-short.md").toString(), out.resolve("scaling.svg").toString()});
    }

    private static ChainedOptionsBuilder base(String benchClass) {
        return new OptionsBuilder().include("io\\.edgesplit\\.jmh\\." + benchClass + "\\.").forks(1).shouldFailOnError(false);
    }

    private static Path run(Path out, String name, ChainedOptionsBuilder options) throws RunnerException {
        Path part = out.resolve("jmh-short-" + name + ".part.json");
        new Runner(options.resultFormat(ResultFormatType.JSON).result(part.toString()).build()).run();
        return part;
    }

    /** Concatenates the JSON arrays JMH wrote for each part into one result file. */
    private static void merge(List<Path> parts, Path json) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ArrayNode all = m.createArrayNode();
        for (Path p : parts) {
            if (!Files.isRegularFile(p) || Files.size(p) == 0) continue;
            JsonNode n = m.readTree(p.toFile());
            if (n != null && n.isArray()) all.addAll((ArrayNode) n);
        }
        m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), all);
    }

    private static List<String> registered(SolverRegistry registry, List<String> wanted, boolean exact) {
        List<String> out = new ArrayList<>();
        for (String name : wanted) {
            Solver s = registry.find(name.contains(":") ? name.substring(0, name.indexOf(':')) : name).orElse(null);
            if (s == null) System.out.println("[edgesplit] skipping backend \"" + name + "\": not registered in this build");
            else if (s.exact() != exact)
                System.out.println("[edgesplit] skipping backend \"" + name + "\" here: it is " + (s.exact() ? "" : "not ") + "exact");
            else out.add(name);
        }
        return out;
    }

    /** Preferred datasets per size class: heavy load where it exists, a few hundred tasks for large. */
    static final List<String> PREFERRED = List.of("small/campus-heavy-s1.json", "medium/campus-heavy-s1.json", "large/campus-light-s1.json");

    /** One committed dataset per size class small, medium, large (or generated stand-ins when there are none). */
    static List<String> datasetInstances() {
        List<String> out = new ArrayList<>();
        for (String preferred : PREFERRED) {
            Path p = Path.of("datasets/instances", preferred);
            if (Files.isRegularFile(p)) {
                out.add("datasets/instances/" + preferred);
                continue;
            }
            Path dir = p.getParent();
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().findFirst()
                        .ifPresent(f -> out.add(f.toString().replace('\\', '/')));
            } catch (IOException e) {
                System.out.println("[edgesplit] cannot list " + dir + ": " + e.getMessage());
            }
        }
        if (out.isEmpty()) {
            System.out.println("[edgesplit] no datasets/instances/{small,medium,large}: using generated instances");
            out.addAll(List.of("gen:t20-n6", "gen:t100-n12", "gen:t400-n16"));
        }
        return out;
    }

    private static List<String> coreInstances(List<String> instances) {
        List<String> out = new ArrayList<>(instances.subList(instances.size() - 1, instances.size()));
        out.add("gen:t1600-n8");
        return out;
    }

    /** The exact backends get the smallest "small" dataset: the size class meant for proofs in seconds. */
    private static List<String> exactInstances() {
        Path p = Path.of("datasets/instances/small/testbed-s1.json");
        return List.of(Files.isRegularFile(p) ? p.toString() : "gen:t5-n4");
    }

    private static List<String> prop(String key, List<String> def) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? def : List.of(v.split(","));
    }

    private static String[] arr(List<String> l) { return l.toArray(String[]::new); }

    private static TimeValue sec(int s) { return TimeValue.seconds(s); }
}
