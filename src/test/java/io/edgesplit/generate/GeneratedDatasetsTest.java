package io.edgesplit.generate;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.cli.Main;
import io.edgesplit.generate.ScenarioGenerator.SizeClass;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed instances under datasets/instances (docs/datasets.md): reproducible from their manifest line,
 * readable, within their size class, and the tiny ones solved to proven optimality by brute force.
 */
class GeneratedDatasetsTest {
    static final Path DIR = Path.of("datasets/instances");

    /** One manifest line: the file (relative to DIR) and its generate arguments. */
    record Entry(String file, List<String> args) {
        SizeClass size() { return SizeClass.fromId(file.substring(0, file.indexOf('/'))); }
        Path path() { return DIR.resolve(file); }
        String command() { return "./edgesplit generate " + String.join(" ", args) + " --out datasets/instances/" + file; }
    }

    static List<Entry> entries;

    @BeforeAll
    static void readManifest() throws IOException {
        entries = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("manifest.txt"))) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) continue;
            String[] parts = s.split("\\s+");
            entries.add(new Entry(parts[0], List.of(Arrays.copyOfRange(parts, 1, parts.length))));
        }
    }

    @Test
    void everyCommittedFileEqualsWhatItsManifestCommandGenerates(@TempDir Path tmp) throws IOException {
        for (Entry e : entries) {
            Path out = tmp.resolve(e.file().replace('/', '_'));
            List<String> argv = new ArrayList<>(List.of("generate"));
            argv.addAll(e.args());
            argv.addAll(List.of("--out", out.toString()));
            assertEquals(Main.OK, Main.execute(argv.toArray(String[]::new)), e.command());
            assertEquals(Files.readString(e.path()), Files.readString(out),
                    e.file() + " differs from what its manifest line generates; run scripts/regenerate-datasets.sh");
        }
    }

    @Test
    void theManifestListsEveryCommittedFileAndNamesEachAfterItsSpec() throws IOException {
        Set<String> listed = entries.stream().map(Entry::file).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(entries.size(), listed.size(), "a file is listed twice");
        Set<String> onDisk;
        try (Stream<Path> s = Files.walk(DIR)) {
            onDisk = s.filter(p -> p.toString().endsWith(".json")).map(p -> DIR.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(listed, onDisk);
        for (Entry e : entries) {
            Instance in = InstanceJson.read(e.path());
            // campus-heavy-large-s1-t1000-n64 lives in large/campus-heavy-s1-t1000-n64.json
            String expected = e.size().id() + "/" + in.name().replace("-" + e.size().id() + "-s", "-s") + ".json";
            assertEquals(expected, e.file());
        }
    }

    @Test
    void theClassesHoldEnoughInstancesSpreadOverFamiliesAndModes() {
        assertTrue(count(SizeClass.TINY) >= 12 && count(SizeClass.SMALL) >= 10 && count(SizeClass.MEDIUM) >= 5
                && count(SizeClass.LARGE) >= 3);
        for (SizeClass c : SizeClass.values())
            for (ScenarioGenerator.Family f : ScenarioGenerator.Family.values()) {
                // campus-measured instances live in datasets/paper (the reproduction), not in every class here.
                if (f == ScenarioGenerator.Family.CAMPUS_MEASURED) continue;
                assertTrue(entries.stream().anyMatch(e -> e.size() == c && e.file().startsWith(c.id() + "/" + f.id() + "-s")),
                        c.id() + " has no " + f.id() + " instance");
            }
        List<Instance> tiny = read(SizeClass.TINY);
        assertEquals(EnumSet.allOf(Granularity.class), tiny.stream().map(Instance::granularity).collect(Collectors.toCollection(() -> EnumSet.noneOf(Granularity.class))));
        assertEquals(EnumSet.allOf(Contention.class), tiny.stream().map(Instance::contention).collect(Collectors.toCollection(() -> EnumSet.noneOf(Contention.class))));
        assertEquals(EnumSet.allOf(Objective.class), tiny.stream().map(Instance::objective).collect(Collectors.toCollection(() -> EnumSet.noneOf(Objective.class))));
        assertEquals(EnumSet.allOf(Objective.class), read(SizeClass.SMALL).stream().map(Instance::objective).collect(Collectors.toCollection(() -> EnumSet.noneOf(Objective.class))));
        assertTrue(read(SizeClass.LARGE).stream().anyMatch(in -> in.tasks().size() == 1000 && in.nodes().size() == 64),
                "one large instance has 1000 tasks on 64 nodes");
    }

    @Test
    void everyInstanceCompilesAndRespectsItsSizeClass() throws IOException {
        for (Entry e : entries) {
            Instance in = InstanceJson.read(e.path());
            CompiledInstance ci = in.compile();
            SizeClass c = e.size();
            assertTrue(ci.taskCount() >= c.minTasks && ci.taskCount() <= c.maxTasks, e.file() + ": " + ci.taskCount() + " tasks");
            assertTrue(ci.nodeCount() >= c.minNodes && ci.nodeCount() <= c.maxNodes, e.file() + ": " + ci.nodeCount() + " nodes");
            for (int t = 0; t < ci.taskCount(); t++)
                assertTrue(c.maxLayers == 0 || ci.layerCount(t) <= c.maxLayers, e.file() + ": task " + t + " has " + ci.layerCount(t) + " layers");
            assertTrue(Files.size(e.path()) < 2_000_000, e.file() + " is over 2 MB");
        }
    }

    @Test
    void bruteForceProvesEveryTinyInstanceOptimalWellUnderASecond() {
        BruteForceSolver bf = new BruteForceSolver();
        for (Entry e : entries) {
            if (e.size() != SizeClass.TINY) continue;
            CompiledInstance ci = InstanceJson.read(e.path()).compile();
            long t0 = System.nanoTime();
            Outcome o = CheckedSolve.run(bf, ci, SolveOptions.defaults().withTimeLimit(30));
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "bruteforce %-45s %-8s %.3f s%n", e.file(), o.solution().status(), secs);
            assertEquals(Status.OPTIMAL, o.solution().status(), e.file() + ": " + o.solution().message());
            assertTrue(o.valid(), e.file() + ": " + o.report().violations());
            // Generous for a loaded 2-core machine; measured times are far lower (docs/datasets.md).
            assertTrue(secs < 5.0, e.file() + " took " + secs + " s");
        }
    }

    @Test
    void theReadmeListsEveryFileWithItsSizesAndExactCommand() throws IOException {
        String readme = Files.readString(DIR.resolve("README.md"));
        for (Entry e : entries) {
            Instance in = InstanceJson.read(e.path());
            int layers = in.tasks().stream().mapToInt(t -> in.model(t.model()).orElseThrow().layerCount()).sum();
            String row = "| [`" + e.file() + "`](" + e.file() + ") | " + in.tasks().size() + " | " + in.nodes().size() + " | " + layers
                    + " | " + in.objective().json() + " | " + in.granularity().json() + " | " + in.contention().json()
                    + " | `" + e.command() + "` |";
            assertTrue(readme.contains(row + "\n"), "README.md lacks this row (run scripts/regenerate-datasets.sh):\n" + row);
        }
    }

    private static long count(SizeClass c) { return entries.stream().filter(e -> e.size() == c).count(); }

    private static List<Instance> read(SizeClass c) {
        return entries.stream().filter(e -> e.size() == c).map(e -> InstanceJson.read(e.path())).toList();
    }
}
