package io.edgesplit.cli;

import io.edgesplit.bench.BenchFixtures;
import io.edgesplit.bench.RunsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The bench, report and gantt commands end to end, with their exit codes. */
class BenchCliTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream err, String... args) {
        io.edgesplit.testing.InJvmCli.Run r = io.edgesplit.testing.InJvmCli.run(args);
        err.writeBytes(r.err().getBytes(StandardCharsets.UTF_8));
        return r.code();
    }

    @Test
    void benchWritesRunsAndTheReportThenReportAndGanttWorkOnTheResults() throws Exception {
        BenchFixtures.writeInstances(dir, 2);
        Path suite = BenchFixtures.writeSuite(dir, "cli", "[{\"backend\": \"local\"}, {\"backend\": \"bruteforce\"}]", 1, 1);
        Path results = dir.resolve("results");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(err, "bench", suite.toString(), "--results", results.toString()), err.toString());
        assertEquals(4, RunsCsv.read(results.resolve("cli/runs.csv")).size());
        for (String f : new String[]{"summary.md", "report.html", "summary.tex", "per-solver.csv"})
            assertTrue(Files.exists(results.resolve("cli/report/" + f)), f);
        assertTrue(Files.readString(results.resolve("cli/report/report.html")).contains("<h2>Schedules"), "Gantt charts of the best runs");

        // a second bench without --resume refuses (exit 2); with --resume there is nothing left
        assertEquals(2, run(new ByteArrayOutputStream(), "bench", suite.toString(), "--results", results.toString(), "--no-report"));
        assertEquals(0, run(new ByteArrayOutputStream(), "bench", suite.toString(), "--results", results.toString(), "--resume", "--no-report"));
        assertEquals(4, RunsCsv.read(results.resolve("cli/runs.csv")).size());

        Path out = dir.resolve("merged");
        assertEquals(0, run(new ByteArrayOutputStream(), "report", results.resolve("cli").toString(), "--formats", "md,csv", "--out", out.toString()));
        assertTrue(Files.exists(out.resolve("summary.md")));
        assertFalse(Files.exists(out.resolve("report.html")));
        assertEquals(2, run(new ByteArrayOutputStream(), "report", results.resolve("cli").toString(), "--formats", "pdf"));

        String sol = RunsCsv.read(results.resolve("cli/runs.csv")).get("tiny-1|bruteforce|1").solutionFile();
        Path svg = dir.resolve("g.svg");
        assertEquals(0, run(new ByteArrayOutputStream(), "gantt", "--instance", dir.resolve("instances/tiny-1.json").toString(),
                "--solution", results.resolve("cli").resolve(sol).toString(), "--out", svg.toString()));
        assertTrue(Files.readString(svg).contains("<svg"));
    }

    @Test
    void aSuiteWithAnUnregisteredBackendExitsWith2AndAClearMessage() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path suite = BenchFixtures.writeSuite(dir, "u", "[{\"backend\": \"local\"}, {\"backend\": \"warp-drive\"}]", 1, 1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "bench", suite.toString(), "--results", dir.resolve("results").toString()));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("warp-drive") && msg.contains("not registered") && !msg.contains("\tat "), msg);
        assertEquals(2, run(new ByteArrayOutputStream(), "bench", suite.toString(), "--shard", "3/2"));
    }
}
