package io.edgesplit.dynamic.suite;

import io.edgesplit.testing.InJvmCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code bench} on the tiny simulation suite of the test resources, with the real simulator, end to end. */
class SimBenchCliTest {
    @TempDir
    Path dir;

    private Path suite() throws Exception {
        Path src = Path.of(getClass().getResource("/simsuite").toURI());
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path to = dir.resolve("simsuite").resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return dir.resolve("simsuite/benchmarks/tiny-sim.json");
    }

    @Test
    void benchRunsEverySimulationOnceValidatesItComparesItWithHindsightAndReports() throws Exception {
        Path suite = suite();
        Path results = dir.resolve("results");
        InJvmCli.Run run = InJvmCli.run("bench", suite.toString(), "--results", results.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("8 runs planned, 0 already done, 8 run now {OK=8}"), run.out());
        Path csv = results.resolve("tiny-sim/sim-runs.csv");
        List<SimRow> rows = List.copyOf(SimRunsCsv.read(csv).values());
        assertEquals(8, rows.size());
        boolean cpsatFluctuates = io.edgesplit.solver.SolverRegistry.load().get("cpsat").handlesFluctuations();
        for (SimRow r : rows) {
            assertTrue(r.ok() && r.valid(), "the executed trace is a valid solution of the realised instance: " + r);
            assertEquals(r.requests(), Files.readAllLines(results.resolve("tiny-sim").resolve(r.requestsFile())).size() - 1);
            boolean steady = r.scenario().equals("tiny-steady");
            if (steady || cpsatFluctuates) {
                assertEquals("OPTIMAL", r.hindsightStatus(), "6 requests on the testbed are solved to optimality: " + r);
                assertTrue(r.competitiveRatio() >= 1 - 1e-9, "no policy beats the optimum in hindsight: " + r);
            } else {
                assertEquals("UNSUPPORTED", r.hindsightStatus(), "until cpsat plans with fluctuations, the refusal is recorded: " + r);
                assertNull(r.competitiveRatio());
            }
        }
        for (String f : List.of("report/simulation.md", "report/simulation.csv", "report/plots/sim-cdf-tiny-steady.svg",
                "report/plots/sim-latency-over-time-tiny-slowdown.svg", "realised/tiny-slowdown__s2.instance.json",
                "runs/tiny-steady__local-on-arrival__s1.trace.json", "load/tiny-slowdown__s1.csv"))
            assertTrue(Files.isRegularFile(results.resolve("tiny-sim").resolve(f)), f);
        // The realised instance and the trace are what validate reads.
        assertEquals(0, InJvmCli.run("validate", "--instance", results.resolve("tiny-sim/realised/tiny-slowdown__s1.instance.json").toString(),
                "--solution", results.resolve("tiny-sim/runs/tiny-slowdown__heft-replan__s1.trace.json").toString()).code());

        InJvmCli.Run again = InJvmCli.run("bench", suite.toString(), "--results", results.toString(), "--resume", "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("8 already done, 0 run now"), again.out());
        assertEquals(9, Files.readAllLines(csv).size(), "no row twice");

        // Same seed, same realisation, same decisions (none was cut by its budget): the same latencies.
        InJvmCli.Run fresh = InJvmCli.run("bench", suite.toString(), "--results", results.toString(), "--fresh", "--no-report");
        assertEquals(0, fresh.code(), fresh.err());
        List<SimRow> rerun = List.copyOf(SimRunsCsv.read(csv).values());
        for (int i = 0; i < rows.size(); i++)
            if (rows.get(i).cutByBudget() == 0 && rerun.get(i).cutByBudget() == 0) {
                assertEquals(rows.get(i).id(), rerun.get(i).id());
                assertEquals(rows.get(i).meanS(), rerun.get(i).meanS(), rows.get(i).id());
                assertEquals(rows.get(i).maxS(), rerun.get(i).maxS(), rows.get(i).id());
            }
    }

    @Test
    void theOfflineOnlyOptionsAreRefusedForASimulationSuite() throws Exception {
        InJvmCli.Run run = InJvmCli.run("bench", suite().toString(), "--results", dir.resolve("r").toString(), "--jobs", "2");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("for offline suites"), run.err());
        assertFalse(Files.exists(dir.resolve("r")), "nothing ran");
    }

    @Test
    void anUnknownPolicyNameIsAnErrorAtItsJsonPath() throws Exception {
        Path suite = suite();
        Files.writeString(suite, Files.readString(suite).replace("\"../policies/local-on-arrival.json\"", "\"no-such-policy\""));
        InJvmCli.Run run = InJvmCli.run("bench", suite.toString(), "--results", dir.resolve("r").toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("tiny-sim.json") && run.err().contains("policies[1]"), run.err());
    }
}
