package io.edgesplit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new run of a suite is compared with its committed reference in results/reference/SUITE (docs/benchmarks.md,
 * "Reference results"): runs matched by instance, configuration and repeat, better / equal / worse counted.
 */
class ReferenceComparisonTest {

    /** {@code root/reference/quick/runs.csv}: a copy of the committed reference; {@code root/quick} exists, empty. */
    private static Path referenceNextTo(Path root) throws java.io.IOException {
        Path ref = Files.createDirectories(root.resolve("reference/quick"));
        Files.createDirectories(root.resolve("quick"));
        Files.copy(Path.of("results/reference/quick/runs.csv"), ref.resolve("runs.csv"));
        return ref;
    }

    @Test
    void aRunIsComparedWithItsReferenceRunByRun(@TempDir Path root) throws Exception {
        Path ref = referenceNextTo(root), now = root.resolve("quick");
        // The new run: the same rows, but the first one with a 10 % larger objective.
        Table reference = Results.load(List.of(ref), new ArrayList<>());
        Table runs = reference.copy();
        String config = runs.stringColumn("config").get(0);
        runs.doubleColumn("objective_s").set(0, runs.doubleColumn("objective_s").get(0) * 1.1);
        long common = runs.stringColumn("config").isEqualTo(config).size();

        String md = ReferenceComparison.markdown(runs, reference, ref);
        String row = md.lines().filter(l -> l.startsWith("| " + config + " |")).findFirst().orElseThrow();
        String[] cells = row.split("\\|");
        assertEquals(common, Long.parseLong(cells[2].trim()), "runs in common");
        assertEquals("0", cells[3].trim(), "better");
        assertEquals(1, Integer.parseInt(cells[5].trim()), "worse: the one changed run");
        assertTrue(md.contains("runs in common"));
    }

    @Test
    void anIdenticalRunNextToItsReferenceIsEqualEverywhere(@TempDir Path root) throws Exception {
        Path ref = referenceNextTo(root), now = root.resolve("quick");
        Files.copy(Path.of("results/reference/quick/runs.csv"), now.resolve("runs.csv"));
        List<String> notes = new ArrayList<>();
        String md = ReferenceComparison.markdown(Results.load(List.of(now), notes), now, notes);
        for (String row : md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| configuration")).toList()) {
            String[] cells = row.split("\\|");
            assertEquals("0", cells[3].trim(), row);
            assertEquals("0", cells[5].trim(), row);
            assertEquals("0", cells[7].trim(), row);
        }
    }

    @Test
    void theReferenceItselfHasNothingToCompareWith(@TempDir Path root) throws Exception {
        Path ref = root.resolve("reference/quick");
        Files.createDirectories(ref);
        Files.copy(Path.of("results/reference/quick/runs.csv"), ref.resolve("runs.csv"));
        List<String> notes = new ArrayList<>();
        assertNull(ReferenceComparison.markdown(Results.load(List.of(ref), notes), ref, notes),
                "a report built on the reference folder has no reference of its own");
    }
}
