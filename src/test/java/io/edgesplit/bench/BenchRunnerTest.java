package io.edgesplit.bench;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class BenchRunnerTest {
    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static final SolverRegistry REGISTRY = SolverRegistry.of(List.of(new LocalSolver(), new BruteForceSolver(),
            new BenchFixtures.ThrowingSolver(), new BenchFixtures.HangingSolver(), new BenchFixtures.CheatingSolver()));

    private BenchRunner runner(Path suiteFile, BenchOptions o) { return new BenchRunner(SuiteReader.read(suiteFile), REGISTRY, o); }

    private BenchOptions options() { return BenchOptions.defaults(dir.resolve("results"), quiet); }

    private List<String> dataLines(Path csv) throws Exception {
        List<String> l = Files.readAllLines(csv);
        assertEquals(RunsCsv.header(), l.get(0), "the header comes first, once");
        return l.subList(1, l.size());
    }

    @Test
    void everyRunIsRecordedOnceValidatedAndWithItsFiles() throws Exception {
        BenchFixtures.writeInstances(dir, 3);
        Path suite = BenchFixtures.writeSuite(dir, "s", "[{\"backend\": \"local\"}, {\"backend\": \"bruteforce\", \"timeLimitSeconds\": 5}]", 2, 1);
        BenchRunner.Summary sum = runner(suite, options()).run();
        assertEquals(12, sum.planned());
        Path resultsDir = dir.resolve("results/s");
        Map<String, RunRecord> rows = RunsCsv.read(resultsDir.resolve("runs.csv"));
        assertEquals(12, rows.size());
        assertEquals(12, dataLines(resultsDir.resolve("runs.csv")).size());
        for (RunRecord r : rows.values()) {
            assertEquals(RunRecord.id(r.instance(), r.config(), r.repeat()), r.runId());
            assertTrue(r.valid(), r.toString());
            assertEquals(r.config().equals("bruteforce") ? "OPTIMAL" : "FEASIBLE", r.status());
            assertEquals(1 + r.repeat() - 1, r.seed(), "repeat r runs with seed config.seed + r - 1");
            assertTrue(r.tasks() >= 1 && r.nodes() >= 2 && r.layers() >= 1);
            // the recorded solution is the validated one, with the objective the row claims
            var ci = InstanceJson.read(dir.resolve("instances/" + r.instance() + ".json")).compile();
            Solution s = SolutionJson.read(resultsDir.resolve(r.solutionFile()));
            var report = Validator.validate(ci, s);
            assertTrue(report.valid());
            assertEquals(report.objectiveTicks(), r.objectiveTicks());
            List<String> trace = Files.readAllLines(resultsDir.resolve(r.traceFile()));
            assertEquals("seconds,objective_ticks,bound_ticks,objective_s,bound_s", trace.get(0));
            assertTrue(trace.size() >= 2, "a run with a solution has at least its final point in the trace");
        }
        // brute force is exact: local is never better; every row carries the instance's cheap bound, never above the optimum
        for (RunRecord r : rows.values()) {
            if (r.config().equals("local"))
                assertTrue(r.objectiveTicks() >= rows.get(RunRecord.id(r.instance(), "bruteforce", r.repeat())).objectiveTicks());
            assertTrue(r.instanceBoundTicks() != null && r.instanceBoundTicks() > 0 && r.instanceBoundSource() != null, r.toString());
            assertTrue(r.instanceBoundTicks() <= rows.get(RunRecord.id(r.instance(), "bruteforce", r.repeat())).objectiveTicks(), r.toString());
        }
    }

    @Test
    void resumeAfterAKillMidLineFinishesWithEveryRunExactlyOnce() throws Exception {
        BenchFixtures.writeInstances(dir, 3);
        Path suite = BenchFixtures.writeSuite(dir, "k", "[{\"backend\": \"local\"}, {\"backend\": \"bruteforce\"}]", 2, 1);
        runner(suite, options()).run();
        Path csv = dir.resolve("results/k/runs.csv");
        List<String> complete = dataLines(csv);
        assertEquals(12, complete.size());

        // Simulate a kill after 5 finished runs, while the 6th row was being written: 5 whole rows and half a line.
        String header = RunsCsv.header();
        String killed = header + "\n" + String.join("\n", complete.subList(0, 5)) + "\n" + complete.get(5).substring(0, complete.get(5).length() / 2);
        Files.writeString(csv, killed);

        IllegalArgumentException noResume = assertThrows(IllegalArgumentException.class, () -> runner(suite, options()).run());
        assertTrue(noResume.getMessage().contains("--resume"), noResume.getMessage());

        BenchRunner.Summary s = runner(suite, options().withResume(true)).run();
        assertEquals(5, s.skipped());
        assertEquals(7, s.ran());
        List<String> after = dataLines(csv);
        assertEquals(12, after.size(), "no row lost, none duplicated");
        assertEquals(complete.subList(0, 5), after.subList(0, 5), "finished runs are kept as they were");
        Set<String> ids = new HashSet<>();
        for (String line : after) assertTrue(ids.add(RunsCsvHealth.parse(line).runId()), "duplicate " + line);
        Set<String> expected = new HashSet<>();
        for (String line : complete) expected.add(RunsCsvHealth.parse(line).runId());
        assertEquals(expected, ids);

        // A second resume has nothing left to do.
        BenchRunner.Summary again = runner(suite, options().withResume(true)).run();
        assertEquals(0, again.ran());
        assertEquals(12, dataLines(csv).size());
    }

    @Test
    void aThrowingAHangingAndACheatingBackendAreRecordedAndTheSuiteCompletes() throws Exception {
        BenchFixtures.writeInstances(dir, 2);
        Path suite = BenchFixtures.writeSuite(dir, "bad", "[{\"backend\": \"test-throws\"}, {\"backend\": \"test-hangs\", \"timeLimitSeconds\": 0.3},"
                + " {\"backend\": \"test-cheats\"}, {\"backend\": \"local\"}]", 1, 0.2);
        long t0 = System.nanoTime();
        BenchRunner.Summary s = runner(suite, options()).run();
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "two hung runs cost about limit + grace each");
        assertEquals(8, s.ran());
        Map<String, RunRecord> rows = RunsCsv.read(dir.resolve("results/bad/runs.csv"));
        assertEquals(8, rows.size());
        for (RunRecord r : rows.values()) {
            switch (r.config()) {
                case "test-throws" -> {
                    assertEquals("ERROR", r.status());
                    assertTrue(r.message().contains("boom"), r.message());
                }
                case "test-hangs" -> {
                    assertEquals(RunRecord.TIMEOUT, r.status());
                    // docs/benchmarks.md, "Deadlines": given up at its limit (plus a tenth of a second), not at limit + grace
                    assertTrue(r.wallSeconds() >= 0.3 && r.wallSeconds() < 5, "stopped at its deadline: " + r.wallSeconds());
                    assertTrue(r.message().startsWith("timeout: "), r.message());
                }
                case "test-cheats" -> {
                    assertEquals(RunRecord.INVALID, r.status());
                    assertFalse(r.valid());
                    assertNull(r.objectiveTicks(), "an invalid schedule's objective is never recorded");
                    assertNotNull(r.message());
                }
                default -> assertEquals("FEASIBLE", r.status());
            }
            if (!r.config().equals("local")) assertFalse(r.hasSolution());
        }
    }

    @Test
    void forkedRunsSolveInAChildJvmAndAHungChildIsKilled() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path suite = BenchFixtures.writeSuite(dir, "f", "[{\"backend\": \"local\"}, {\"backend\": \"test-hangs\", \"timeLimitSeconds\": 0.2},"
                + " {\"backend\": \"test-throws\"}]", 1, 0.2);
        double startup = BenchRunner.FORK_STARTUP_SECONDS;
        BenchRunner.FORK_STARTUP_SECONDS = 4; // the hung child is killed after 0.2 + 0.2 + 4 s
        try {
            runner(suite, options().withFork(true)).run();
        } finally {
            BenchRunner.FORK_STARTUP_SECONDS = startup;
        }
        Map<String, RunRecord> rows = RunsCsv.read(dir.resolve("results/f/runs.csv"));
        assertEquals("FEASIBLE", rows.get("tiny-1|local|1").status());
        assertTrue(rows.get("tiny-1|local|1").valid());
        assertEquals(RunRecord.TIMEOUT, rows.get("tiny-1|test-hangs|1").status());
        assertEquals("ERROR", rows.get("tiny-1|test-throws|1").status());
        assertTrue(rows.get("tiny-1|test-throws|1").message().contains("boom"), rows.get("tiny-1|test-throws|1").message());
        // a killed child leaves no process behind
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    /** A configuration's warmStartFrom runs that backend first inside the same timed run, in a thread or a child JVM. */
    @Test
    void aWarmStartedConfigurationIsOneValidatedRunThreadedOrForked() throws Exception {
        BenchFixtures.writeInstances(dir, 2);
        Path suite = BenchFixtures.writeSuite(dir, "w", "[{\"backend\": \"bruteforce\", \"name\": \"bf-from-local\", \"warmStartFrom\": \"local\"}]", 1, 1);
        for (boolean fork : new boolean[]{false, true}) {
            Path out = dir.resolve(fork ? "forked" : "threaded");
            runner(suite, BenchOptions.defaults(out, quiet).withFork(fork)).run();
            Map<String, RunRecord> rows = RunsCsv.read(out.resolve("w/runs.csv"));
            assertEquals(2, rows.size());
            for (RunRecord r : rows.values()) {
                assertTrue(r.valid(), r.toString());
                assertEquals("OPTIMAL", r.status(), r.toString());
                assertEquals("bruteforce", r.backend());
                List<String> trace = Files.readAllLines(out.resolve("w").resolve(r.traceFile()));
                assertTrue(trace.size() >= 3, "local's schedule, then brute force's points: " + trace);
            }
        }
    }

    @Test
    void anUnknownWarmStartBackendIsRefusedBeforeAnythingRuns() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path suite = BenchFixtures.writeSuite(dir, "u", "[{\"backend\": \"bruteforce\", \"warmStartFrom\": \"gurobi\"}]", 1, 1);
        var e = assertThrows(io.edgesplit.model.InvalidInputException.class, () -> runner(suite, options()).run());
        assertTrue(e.getMessage().contains("warmStartFrom \"gurobi\" is not a registered backend; registered: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("results/u/runs.csv")));
    }

    @Test
    void shardsAreDisjointAndTogetherTheWholeSuite() throws Exception {
        BenchFixtures.writeInstances(dir, 3);
        Path suite = BenchFixtures.writeSuite(dir, "sh", "[{\"backend\": \"local\"}, {\"backend\": \"bruteforce\"}]", 2, 1);
        Set<String> all = new HashSet<>();
        int total = 0;
        for (int i = 1; i <= 3; i++) {
            List<RunSpec> part = runner(suite, options().withShard(i, 3)).plan();
            total += part.size();
            for (RunSpec r : part) assertTrue(all.add(r.id()));
            assertEquals(part.stream().map(RunSpec::id).toList(), runner(suite, options().withShard(i, 3)).plan().stream().map(RunSpec::id).toList(),
                    "a shard is deterministic");
        }
        assertEquals(12, total);
        assertEquals(12, runner(suite, options()).plan().size());
        assertEquals(dir.resolve("results/sh-shard-2-of-3"), options().withShard(2, 3).resultsDir("sh"));
    }

    @Test
    void anUnregisteredBackendFailsTheSuiteUpFrontUnlessSkipped() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path suite = BenchFixtures.writeSuite(dir, "u", "[{\"backend\": \"local\"}, {\"backend\": \"no-such\"}]", 1, 1);
        RuntimeException e = assertThrows(io.edgesplit.model.InvalidInputException.class, () -> runner(suite, options()).run());
        assertTrue(e.getMessage().contains("\"no-such\"") && e.getMessage().contains("not registered"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("results/u/runs.csv")), "nothing ran");
        List<RunSpec> plan = runner(suite, options().withSkipMissingBackends(true)).plan();
        assertEquals(List.of("tiny-1|local|1"), plan.stream().map(RunSpec::id).toList());
    }

    @Test
    void unknownParamsOfABackendFailUpFront() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path suite = BenchFixtures.writeSuite(dir, "p", "[{\"backend\": \"bruteforce\", \"params\": {\"maxLayerz\": 3}}]", 1, 1);
        RuntimeException e = assertThrows(io.edgesplit.model.InvalidInputException.class, () -> runner(suite, options()).plan());
        assertTrue(e.getMessage().contains("maxLayerz") && e.getMessage().contains("maxLayers"), e.getMessage());
    }

    /** docs/benchmarks.md, "A runs.csv that heals": --resume sets aside a damaged row anywhere and a repeated row, and reruns the damaged run. */
    @Test
    void resumeHealsADamagedRowInTheMiddleAndADuplicateRow() throws Exception {
        BenchFixtures.writeInstances(dir, 3);
        Path suite = BenchFixtures.writeSuite(dir, "h", "[{\"backend\": \"local\"}]", 1, 1);
        runner(suite, options()).run();
        Path csv = dir.resolve("results/h/runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String damaged = lines.get(2).substring(0, 40) + ",x,y"; // the second run's row, mangled in the middle of the file
        String second = lines.get(2);
        lines.set(2, damaged);
        lines.add(lines.get(1)); // the first run twice
        Files.writeString(csv, String.join("\n", lines) + "\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchRunner.Summary sum = runner(suite, BenchOptions.defaults(dir.resolve("results"), new PrintStream(log, true, StandardCharsets.UTF_8)).withResume(true)).run();
        assertEquals(1, sum.ran(), "only the damaged run runs again");
        assertTrue(log.toString().contains("line 3: a damaged row") && log.toString().contains("a second row of run"), log.toString());
        List<String> data = dataLines(csv);
        assertEquals(3, data.size());
        assertEquals(3, RunsCsv.read(csv).size());
        assertEquals(List.of(damaged, lines.get(1)), Files.readAllLines(csv.resolveSibling("runs.csv.removed")), "nothing is lost");
        assertEquals(RunsCsvHealth.parse(second).runId(), RunsCsvHealth.parse(data.get(2)).runId());
    }

    @Test
    void aRunsCsvEndingInAHalfWrittenLineIsCutBackToTheLastWholeRow() throws Exception {
        Path csv = dir.resolve("runs.csv");
        Files.writeString(csv, RunsCsv.header() + "\nsome,half,writ");
        assertTrue(RunsCsv.repair(csv));
        assertEquals(RunsCsv.header() + "\n", Files.readString(csv));
        assertFalse(RunsCsv.repair(csv));
        Files.writeString(csv, RunsCsv.header().substring(0, 10));
        assertTrue(RunsCsv.repair(csv));
        assertEquals("", Files.readString(csv));
        List<String> cells = new ArrayList<>(RunRecord.COLUMNS);
        assertEquals(cells, RunRecord.Csv.split(RunRecord.Csv.line(cells)));
        assertEquals(List.of("a,b", "say \"hi\"", "x y"), RunRecord.Csv.split(RunRecord.Csv.line(List.of("a,b", "say \"hi\"", "x\ny"))));
    }
}
