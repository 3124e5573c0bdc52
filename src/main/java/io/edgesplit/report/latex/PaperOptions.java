package io.edgesplit.report.latex;

import java.util.List;
import java.util.Set;

/**
 * What the paper tables show (docs/latex.md).
 *
 * @param summaryColumns  per-solver columns after the solver's name, from {@link #SUMMARY_COLUMNS}
 * @param maxColumns      most columns in one tabular (labels included); wider tables are split
 * @param maxInstanceRows the instance × solver matrix has one row per instance up to this many instances;
 *                        beyond, only the per-class table appears (the Markdown and HTML reports keep every row)
 * @param significance    markers of a paired test (optional; {@link Significance#NONE} for none)
 * @param significanceNote what the marker means (test, level), printed under the tables that carry it
 */
public record PaperOptions(List<String> summaryColumns, int maxColumns, int maxInstanceRows, Significance significance,
                           String significanceNote) {
    /** The per-solver columns one may choose (those of the per-solver table of docs/benchmarks.md). */
    public static final Set<String> SUMMARY_COLUMNS = Set.of("runs", "feasible", "optimal", "wins", "timeouts", "errors", "invalid",
            "refused", "contradicted", "mean_gap_pct", "mean_gap_to_bound_pct", "geomean_gap_pct", "borda", "mean_wall_s", "median_wall_s");

    public static final List<String> DEFAULT_SUMMARY = List.of("feasible", "optimal", "mean_gap_pct", "mean_gap_to_bound_pct", "mean_wall_s");

    public PaperOptions {
        summaryColumns = List.copyOf(summaryColumns);
        for (String c : summaryColumns)
            if (!SUMMARY_COLUMNS.contains(c))
                throw new IllegalArgumentException("--paper-columns: unknown column \"" + c + "\"; expected some of " + String.join(", ", new java.util.TreeSet<>(SUMMARY_COLUMNS)));
        if (summaryColumns.isEmpty()) throw new IllegalArgumentException("--paper-columns: at least one column");
        if (maxColumns < 2) throw new IllegalArgumentException("--paper-max-columns: at least 2 (a label and a value), got " + maxColumns);
        if (significance == null) significance = Significance.NONE;
    }

    public static PaperOptions defaults() {
        return new PaperOptions(DEFAULT_SUMMARY, 12, 40, Significance.NONE, "");
    }

    public PaperOptions withColumns(List<String> columns) { return new PaperOptions(columns, maxColumns, maxInstanceRows, significance, significanceNote); }

    public PaperOptions withMaxColumns(int n) { return new PaperOptions(summaryColumns, n, maxInstanceRows, significance, significanceNote); }

    public PaperOptions withSignificance(Significance s, String note) { return new PaperOptions(summaryColumns, maxColumns, maxInstanceRows, s, note); }
}
