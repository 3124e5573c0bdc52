package io.edgesplit.report.latex;

import io.edgesplit.report.Analysis;
import io.edgesplit.report.Results;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The paper tables without TeX (scripts/latex-check.sh compiles them for real): no tabular has more columns
 * than configured, no header is a raw column name, a table too wide for the column becomes a table* or is
 * split, and significance markers appear only when statistics are given. Runs on the report fixture
 * (src/test/resources/report/fixture/runs.csv) and on a variant with 14 configurations.
 */
class PaperTablesTest {
    @TempDir
    Path dir;
    Path fixture;

    @BeforeEach
    void copyFixture() throws Exception {
        fixture = dir.resolve("fixture");
        Files.createDirectories(fixture);
        Files.copy(Path.of("src/test/resources/report/fixture/runs.csv"), fixture.resolve("runs.csv"));
    }

    private static Analysis load(Path d) throws Exception { return new Analysis(Results.load(List.of(d), new ArrayList<>())); }

    /** The fixture's rows once per configuration k (named "configuration-number-k"): a report with many solvers. */
    private Analysis manyConfigurations(int n) throws Exception {
        List<String> lines = Files.readAllLines(fixture.resolve("runs.csv"));
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int k = 0; k < n; k++)
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",", 10); // the first nine fields are plain (no quotes)
                f[0] = f[0].replace("|" + f[8] + "|", "|" + f[8] + "-" + k + "|");
                f[8] = "configuration-number-" + k;
                sb.append(String.join(",", f)).append('\n');
            }
        Path d = dir.resolve("many");
        Files.createDirectories(d);
        Files.writeString(d.resolve("runs.csv"), sb.toString(), StandardCharsets.UTF_8);
        return load(d);
    }

    /** Column counts of every tabular's preamble (booktabs tables: l and r columns only). */
    static List<Integer> columnCounts(String tex) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\\\begin\\{tabular\\}\\{([lr]+)\\}").matcher(tex);
        while (m.find()) out.add(m.group(1).length());
        return out;
    }

    /** The header rows: between each \toprule and the next \midrule. */
    static List<String> headers(String tex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\\\toprule\\n(.*?)\\\\midrule", Pattern.DOTALL).matcher(tex);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void noTabularHasMoreColumnsThanConfiguredAndNoHeaderIsARawColumnName() throws Exception {
        for (Analysis a : List.of(load(fixture), manyConfigurations(14)))
            for (int max : new int[]{2, 4, 7, 12}) {
                PaperOptions o = PaperOptions.defaults().withMaxColumns(max)
                        .withColumns(List.of("runs", "feasible", "optimal", "wins", "mean_gap_pct", "mean_gap_to_bound_pct", "geomean_gap_pct", "borda", "mean_wall_s", "median_wall_s"));
                String tex = PaperTables.latex(a, a.perSolver(), o);
                List<Integer> counts = columnCounts(tex);
                assertTrue(counts.size() >= 2, "per solver and per instance (per class: only with several instances in a class): " + counts);
                for (int c : counts) assertTrue(c <= max, "a tabular of " + c + " columns with at most " + max + " configured");
                for (String h : headers(tex)) {
                    assertFalse(h.matches("(?s).*[A-Za-z]\\\\?_[a-z].*"), "a snake_case header: " + h);
                    for (String raw : PaperOptions.SUMMARY_COLUMNS) assertFalse(h.contains(raw.replace("_", "\\_")), raw + " in " + h);
                }
                assertFalse(tex.contains("\\vline") || tex.matches("(?s).*\\{[lr]*\\|[lr|]*\\}.*"), "no vertical rules");
            }
    }

    @Test
    void theDefaultSummaryHasHumanHeadersWithUnits() throws Exception {
        Analysis a = load(fixture);
        String tex = PaperTables.perSolver(a, a.perSolver(), PaperOptions.defaults(), "fixture");
        String head = headers(tex).get(0);
        for (String h : List.of("Solver", "Feas.", "Opt.", "Gap", "(\\%)", "Wall", "(s)")) assertTrue(head.contains(h), h + " in " + head);
        assertTrue(tex.contains("\\begin{table}[t]"), "five columns of numbers fit one column");
    }

    @Test
    void aTableTooWideForTheColumnBecomesTableStarOrIsSplitAndNeverExceedsTheTextWidth() {
        List<TableLayout.Column> label = List.of(TableLayout.Column.of("Instance", false, List.of(TableLayout.Cell.text("a-long-instance-name-s1"))));
        List<TableLayout.Column> few = new ArrayList<>(), many = new ArrayList<>();
        for (int k = 0; k < 3; k++) few.add(TableLayout.Column.of("s" + k, true, List.of(TableLayout.Cell.text("0.1234"))));
        for (int k = 0; k < 30; k++) many.add(TableLayout.Column.of("solver-" + k, true, List.of(TableLayout.Cell.text("0.123456"))));

        TableLayout.Form narrow = TableLayout.choose(label, few, 12);
        assertFalse(narrow.wide());
        assertEquals(1, narrow.parts().size());

        TableLayout.Form wide = TableLayout.choose(label, many.subList(0, 8), 12);
        assertTrue(wide.wide() && wide.parts().size() == 1, "eight columns: one table* (" + wide + ")");
        assertTrue(TableLayout.width(label, many, wide.parts().get(0), wide.rotated()) > TableLayout.COLUMN_PT);

        TableLayout.Form split = TableLayout.choose(label, many, 40);
        assertTrue(split.parts().size() > 1, "thirty columns do not fit \\textwidth: split");
        int total = 0;
        for (List<Integer> p : split.parts()) {
            assertTrue(TableLayout.width(label, many, p, split.rotated()) <= TableLayout.TEXT_PT, "part " + p);
            total += p.size();
        }
        assertEquals(30, total, "every column in some part");

        String tex = TableLayout.render(label, many, 40, "Caption", "tab:x", "");
        assertTrue(tex.contains("\\begin{table*}") && tex.contains("(part 2 of"), tex);
        assertTrue(tex.contains("\\rotatebox{90}"), "headers rotated before splitting");
    }

    @Test
    void significanceMarkersAppearOnlyWithStatisticsAndAreExplained() throws Exception {
        Analysis a = manyConfigurations(3);
        String plain = PaperTables.latex(a, a.perSolver(), PaperOptions.defaults());
        assertFalse(plain.contains("$^\\dagger$"), "no statistics, no marker");
        Significance all = (group, reference, other) -> true;
        String marked = PaperTables.latex(a, a.perSolver(), PaperOptions.defaults().withSignificance(all, "Wilcoxon, p < 0.05"));
        assertTrue(marked.contains("$^\\dagger$"));
        assertTrue(marked.contains("differs significantly") && marked.contains("Wilcoxon, p \\textless{} 0.05"), "the legend says what the marker means");
        List<String> asked = new ArrayList<>();
        Analysis f = load(fixture); // (the copies above tie everywhere: nothing to test within an instance)
        PaperTables.latex(f, f.perSolver(), PaperOptions.defaults().withSignificance((g, r, o) -> { asked.add(g + "|" + r + "|" + o); return false; }, ""));
        assertTrue(asked.stream().anyMatch(s -> s.startsWith("null|")), "the summary asks over all instances");
        assertTrue(asked.stream().anyMatch(s -> s.startsWith("A|")), "the matrix asks per instance: " + asked);
    }

    @Test
    void theBestOfARowIsBoldAndProvenOptimaAreStarred() throws Exception {
        Analysis a = load(fixture);
        String tex = PaperTables.perInstance(a, a.perSolver().stringColumn("solver").asList(), PaperOptions.defaults(), "fixture");
        String rowA = tex.lines().filter(l -> l.startsWith("A &")).findFirst().orElseThrow();
        assertTrue(rowA.contains("\\textbf{") && rowA.contains(PaperTables.PROVEN), "A: exact proves the optimum heur also reaches: " + rowA);
    }

    @Test
    void unknownSummaryColumnsAreRefusedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaperOptions.defaults().withColumns(List.of("mean_gap")));
        assertTrue(e.getMessage().contains("mean_gap_pct"), e.getMessage());
    }

    @Test
    void figuresArePdfOneColumnWideAndTheSameBytesEachTime() throws Exception {
        Analysis a = load(fixture);
        var first = PaperFigures.charts(a);
        assertEquals(List.of("profile-time", "profile-quality", "gap-vs-size", "gap-to-bound-vs-size", "anytime", "scaling"), List.copyOf(first.keySet()));
        var again = PaperFigures.charts(a);
        for (var e : first.entrySet()) {
            String s = new String(e.getValue(), StandardCharsets.ISO_8859_1);
            assertTrue(s.startsWith("%PDF-"), e.getKey());
            assertTrue(s.matches("(?s).*/MediaBox \\[0(\\.0)? 0(\\.0)? 252(\\.0)? .*"), e.getKey() + ": 3.5 in wide");
            assertArrayEquals(e.getValue(), again.get(e.getKey()), e.getKey() + " is reproducible");
        }
    }
}
