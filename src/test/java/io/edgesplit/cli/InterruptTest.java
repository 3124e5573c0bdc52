package io.edgesplit.cli;

import io.edgesplit.bench.RunRecord;
import io.edgesplit.bench.RunsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/benchmarks.md, "Interrupts": Ctrl-C (SIGINT) in the middle of a bench whose CP-SAT runs have already
 * run in the process stops the current run, records it as INTERRUPTED, keeps runs.csv whole and exits 130,
 * with no native abort. Runs the command line in a child JVM, as a user would.
 */
class InterruptTest {
    @Test
    void ctrlCAfterACpSatRunStopsTheNextRunRecordsItAndExits130(@TempDir Path dir) throws Exception {
        Path suite = dir.resolve("s.json");
        // Planned in file order: a tiny instance CP-SAT solves at once, then a medium one it cannot finish in 60 s.
        Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("datasets/instances/tiny/testbed-s1.json"), dir.resolve("in/a.json"));
        Files.copy(Path.of("datasets/instances/medium/campus-light-s1.json"), dir.resolve("in/b.json"));
        Files.writeString(suite, "{\"name\": \"int\", \"instances\": [\"in/*.json\"], "
                + "\"solvers\": [{\"backend\": \"cpsat\", \"timeLimitSeconds\": 60, \"workers\": 2}]}");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", suite.toString(),
                "--results", dir.resolve("results").toString(), "--no-progress-bar", "--no-report").redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean sent = false;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (!sent && line.startsWith("[1/2]")) { // the tiny instance is solved: CP-SAT has run in this JVM
                    Thread.sleep(500);
                    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                    sent = true;
                    // A JVM started with SIGINT ignored (a build run in the background, `mvn test &`) never sees
                    // Ctrl-C; SIGTERM takes the same path there (io.edgesplit.solver.Interrupts).
                    Thread term = new Thread(() -> {
                        try {
                            Thread.sleep(5000);
                            if (p.isAlive()) p.destroy(); // SIGTERM to our own child only
                        } catch (InterruptedException ignored) {
                            // the test is over
                        }
                    });
                    term.setDaemon(true);
                    term.start();
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = String.join("\n", lines);
        assertEquals(130, p.exitValue(), out);
        assertFalse(out.contains("bad_function_call") || out.contains("SIGABRT") || out.contains("core dumped"), out);
        Path csv = dir.resolve("results/int/runs.csv");
        List<String> rows = Files.readAllLines(csv);
        assertEquals(RunsCsv.header(), rows.get(0));
        assertEquals(3, rows.size(), "both runs recorded, the second as interrupted: " + rows);
        assertTrue(rows.get(2).contains("," + RunRecord.INTERRUPTED + ","), rows.get(2));
        Map<String, RunRecord> done = RunsCsv.read(csv);
        assertEquals(2, done.size());
    }
}
