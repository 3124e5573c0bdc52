package io.edgesplit.report;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The report on a small fixed results file (src/test/resources/report/fixture/runs.csv): three configurations
 * on three instances with every kind of outcome. The scores below are worked out by hand in the comments;
 * the writers' output is compared with golden files (regenerate with -Dgolden.update=true after checking a diff).
 */
class ReportTest {
    @TempDir
    Path dir;
    Path results;

    @BeforeEach
    void copyFixture() throws Exception {
        results = dir.resolve("fixture");
        Files.createDirectories(results);
        Files.copy(Path.of("src/test/resources/report/fixture/runs.csv"), results.resolve("runs.csv"));
    }

    private Analysis analysis() throws Exception { return new Analysis(Results.load(List.of(results), new ArrayList<>())); }

    private static Map<String, Row> bySolver(Table t) {
        Map<String, Row> m = new HashMap<>();
        for (int i = 0; i < t.rowCount(); i++) m.put(t.stringColumn("solver").get(i), t.row(i));
        return m;
    }

    @Test
    void perSolverScoresAreTheHandComputedOnes() throws Exception {
        Table t = analysis().perSolver();
        // Borda. A: exact = heur in objective but only exact proved it -> exact 1, heur 0; both beat base -> exact 2, heur 1.
        // B: exact timed out, base invalid (no answer) -> heur 2. C: exact errored -> heur and base 1 each, and tie
        // (0.2 s both, 0.1 s wall both) -> 0.5 each. Totals: heur 4.5, exact 2, base 1.5.
        assertEquals(List.of("heur", "exact", "base"), t.stringColumn("solver").asList(), "sorted by Borda score");
        double[] borda = t.doubleColumn("borda").asDoubleArray();
        assertArrayEquals(new double[]{4.5, 2, 1.5}, borda, 1e-12);
        List<Integer> wins = new ArrayList<>(), feasible = new ArrayList<>();
        for (int i = 0; i < 3; i++) { wins.add(t.intColumn("wins").get(i)); feasible.add(t.intColumn("feasible").get(i)); }
        assertEquals(List.of(3, 1, 1), wins, "ties count for each: A exact+heur, B heur, C heur+base");
        assertEquals(List.of(3, 1, 2), feasible, "the invalid and the timed-out runs do not count");
        assertEquals(1, t.intColumn("optimal").get(1));
        assertEquals(List.of(0, 1, 0), List.of(t.intColumn("timeouts").get(0), t.intColumn("timeouts").get(1), t.intColumn("timeouts").get(2)));
        assertEquals(1, t.intColumn("errors").get(1));
        assertEquals(1, t.intColumn("invalid").get(2));
        // Gaps: best known A 0.1 (runs), B 0.09 (instance file), C 0.2. heur: 0, 1/3, 0.
        assertEquals(100.0 / 9, t.doubleColumn("mean_gap_pct").get(0), 1e-9);
        assertEquals(100 * (Math.cbrt(4.0 / 3) - 1), t.doubleColumn("geomean_gap_pct").get(0), 1e-9);
        assertEquals(25, t.doubleColumn("mean_gap_pct").get(2), 1e-9);
        assertEquals(100 * (Math.sqrt(1.5) - 1), t.doubleColumn("geomean_gap_pct").get(2), 1e-9);
        // Bounds: A 0.1 (exact's proof beats the cheap 0.09), B 0.08 (heur's own bound beats the cheap 0.06), C 0.2 (cheap).
        // Gaps to them: heur 0, 0.5, 0 -> 16.67 %; exact 0; base 0.5 (A), 0 (C) -> 25 %.
        assertEquals(100.0 / 6, t.doubleColumn("mean_gap_to_bound_pct").get(0), 1e-9);
        assertEquals(0, t.doubleColumn("mean_gap_to_bound_pct").get(1), 1e-9);
        assertEquals(25, t.doubleColumn("mean_gap_to_bound_pct").get(2), 1e-9);
        assertEquals((2.0 + 15 + 0.3) / 3, t.doubleColumn("mean_wall_s").get(1), 1e-9);
        assertEquals(2.0, t.doubleColumn("median_wall_s").get(1), 1e-9);
    }

    @Test
    void perInstancePivotNamesTheBestKnownAndWhoFoundIt() throws Exception {
        Table t = analysis().perInstance();
        assertEquals(List.of("instance", "tasks", "nodes", "layers", "exact", "heur", "base", "best_known_s", "found_by", "bound_s",
                "gap_to_bound_pct", "bound_source"), t.columnNames());
        assertEquals(List.of("exact heur", "instance file", "heur base"), t.stringColumn("found_by").asList());
        assertTrue(t.doubleColumn("base").isMissing(1), "an invalid run has no objective");
        assertEquals(0.09, t.doubleColumn("best_known_s").get(1), 1e-12);
        assertEquals(List.of("proven by exact", "proven by heur", "task-alone: task t1"), t.stringColumn("bound_source").asList());
        assertArrayEquals(new double[]{0, 12.5, 0}, t.doubleColumn("gap_to_bound_pct").asDoubleArray(), 1e-9,
                "the best known's certified gap: B's 0.09 against its bound 0.08");
    }

    @Test
    void aBoundAboveAValidScheduleOrFromAContradictedProofIsNotTrusted() throws Exception {
        Path csv = results.resolve("runs.csv");
        // exact now claims A optimal at 0.12 with bound 0.12, but heur has a valid 0.1: a wrong proof; its bound must not count
        Files.writeString(csv, Files.readString(csv).replace("OPTIMAL,0.1,100000,0.1,100000", "OPTIMAL,0.12,120000,0.12,120000"));
        Analysis a = analysis();
        assertEquals(new Analysis.Bound(0.09, "task-alone: task t1"), a.bound("A"));
        assertEquals(1, a.contradictedProofs().size());
    }

    @Test
    void aRunsCsvWrittenBeforeTheInstanceBoundColumnsStillReports() throws Exception {
        Path csv = results.resolve("runs.csv");
        StringBuilder old = new StringBuilder();
        for (String line : Files.readAllLines(csv)) old.append(line, 0, line.lastIndexOf(',', line.lastIndexOf(',', line.lastIndexOf(',') - 1) - 1)).append('\n');
        Files.writeString(csv, old.toString());
        List<String> notes = new ArrayList<>();
        Analysis a = new Analysis(Results.load(List.of(results), notes));
        assertEquals(9, a.runs().size());
        assertTrue(notes.get(0).contains("predates the instance_bound columns"), notes.toString());
        assertEquals(new Analysis.Bound(0.1, "proven by exact"), a.bound("A"), "proven bounds still count");
        assertNull(a.bound("C"), "no cheap bound in an old file, and no proof");
        assertTrue(a.perInstance().doubleColumn("gap_to_bound_pct").isMissing(2));

        // The report computes the missing cheap bound from the instance file when it can read it (C's, here).
        Path c = dir.resolve("C.json");
        io.edgesplit.io.InstanceJson.write(io.edgesplit.testing.TinyInstances.random(3, 1, 4, 3).withName("C"), c);
        Files.writeString(csv, Files.readString(csv).replace("datasets/C.json", c.toString()));
        notes.clear();
        Table raw = Results.load(List.of(results), notes);
        Results.fillMissingBounds(raw, notes);
        Analysis filled = new Analysis(raw);
        var expected = io.edgesplit.bound.LowerBounds.compute(io.edgesplit.io.InstanceJson.read(c).compile());
        assertEquals(new Analysis.Bound(expected.seconds(), expected.source()), filled.bound("C"));
        assertTrue(notes.stream().anyMatch(n -> n.contains("computed now from the instance file")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("datasets/A.json") && n.contains("not readable")), notes.toString());
    }

    @Test
    void markdownCsvAndLatexMatchTheGoldenFiles() throws Exception {
        Analysis a = analysis();
        Table s = a.perSolver(), i = a.perInstance();
        golden("summary.md", Report.markdown(a, s, i));
        golden("per-solver.csv", TableWriters.csv(s));
        golden("per-instance.csv", TableWriters.csv(i));
        golden("summary.tex", Report.latex(a, s, io.edgesplit.report.latex.PaperOptions.defaults()));
    }

    private static void golden(String name, String actual) throws Exception {
        Path f = Path.of("src/test/resources/report/golden", name);
        if (Boolean.getBoolean("golden.update")) Files.writeString(f, actual, StandardCharsets.UTF_8);
        assertEquals(Files.readString(f, StandardCharsets.UTF_8), actual, name);
    }

    @Test
    void theHtmlPageIsSelfContainedWithTablesAndEveryPlot() throws Exception {
        Path out = dir.resolve("report");
        Report.build(List.of(results), out, Set.of("md", "csv", "html", "tex"), 0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String html = Files.readString(out.resolve("report.html"));
        assertEquals(6, count(html, "<svg"), "six inline plots");
        assertEquals(2, count(html, "<table>"));
        Matcher m = Pattern.compile("(src|href)\\s*=|<link|<script|@import|url\\(http").matcher(html);
        assertFalse(m.find(), "nothing is fetched: " + (m.find(0) ? html.substring(m.start(), Math.min(html.length(), m.start() + 60)) : ""));
        for (String f : List.of("summary.md", "per-solver.csv", "per-instance.csv", "summary.tex", "figures.tex", "figures/profile-time.pdf",
                "figures/scaling.pdf", "plots/profile-time.svg",
                "plots/profile-quality.svg", "plots/gap-vs-size.svg", "plots/gap-to-bound-vs-size.svg", "plots/anytime.svg", "plots/scaling.svg"))
            assertTrue(Files.size(out.resolve(f)) > 0, f);
    }

    @Test
    void shardFoldersMergeAndARunSeenTwiceCountsOnce() throws Exception {
        List<String> lines = Files.readAllLines(results.resolve("runs.csv"));
        Path s1 = dir.resolve("s1"), s2 = dir.resolve("s2");
        Files.createDirectories(s1);
        Files.createDirectories(s2);
        List<String> a = new ArrayList<>(List.of(lines.get(0))), b = new ArrayList<>(List.of(lines.get(0)));
        for (int i = 1; i < lines.size(); i++) (i % 2 == 0 ? a : b).add(lines.get(i));
        b.add(lines.get(2)); // a duplicate across folders
        Files.write(s1.resolve("runs.csv"), a);
        Files.write(s2.resolve("runs.csv"), b);
        List<String> notes = new ArrayList<>();
        Analysis merged = new Analysis(Results.load(List.of(s1, s2), notes));
        assertEquals(9, merged.runs().size());
        assertEquals(1, notes.size(), notes.toString());
        assertEquals(TableWriters.csv(analysis().perSolver()), TableWriters.csv(merged.perSolver()));
    }

    @Test
    void aHalfWrittenLastLineIsIgnoredAndTheFileLeftAlone() throws Exception {
        Path csv = results.resolve("runs.csv");
        String whole = Files.readString(csv);
        String killed = whole + "D|exact|1,fixture,D,datasets/D.js";
        Files.writeString(csv, killed);
        assertEquals(9, analysis().runs().size());
        assertEquals(killed, Files.readString(csv), "a report never writes to runs.csv");
    }

    /** docs/benchmarks.md, "A runs.csv that heals": report skips a damaged or repeated row with a note, and never fails on it. */
    @Test
    void aDamagedRowInTheMiddleAndADuplicateRowAreSkippedWithANote() throws Exception {
        Path csv = results.resolve("runs.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        lines.add(3, "A|exact|1,fixture,A,datasets/A.json,zz,not,a,row");
        lines.add(lines.get(1));
        Files.writeString(csv, String.join("\n", lines) + "\n");
        List<String> notes = new ArrayList<>();
        assertEquals(9, new Analysis(Results.load(List.of(results), notes)).runs().size());
        assertTrue(notes.stream().anyMatch(n -> n.contains("line 4: a damaged row")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("a second row of run")), notes.toString());
        Report.build(List.of(results), dir.resolve("out"), Set.of("md", "csv"), 0, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    @Test
    void aClaimedOptimumBeatenByAnotherValidRunIsFlaggedAsContradicted() throws Exception {
        // Turn run A|exact into a wrong proof: it claims 0.12 s optimal while medag has 0.1 s.
        Path csv = results.resolve("runs.csv");
        Files.writeString(csv, Files.readString(csv).replace("OPTIMAL,0.1,100000,0.1,100000", "OPTIMAL,0.12,120000,0.12,120000"));
        Analysis a = analysis();
        assertEquals(1, a.contradictedProofs().size());
        assertEquals("exact", a.contradictedProofs().get(0).config());
        org.junit.jupiter.api.Assertions.assertTrue(Report.markdown(a, a.perSolver(), a.perInstance())
                .contains("Warning: 1 claimed optimum(s) are beaten by another valid run"));
        assertEquals(0, analysisOfFixture().contradictedProofs().size());
    }

    private Analysis analysisOfFixture() throws Exception {
        Path fresh = results.resolveSibling("fresh");
        Files.createDirectories(fresh);
        Files.copy(Path.of("src/test/resources/report/fixture/runs.csv"), fresh.resolve("runs.csv"));
        return new Analysis(Results.load(List.of(fresh), new ArrayList<>()));
    }
}
