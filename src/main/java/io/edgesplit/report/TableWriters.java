package io.edgesplit.report;

import io.edgesplit.bench.RunRecord;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Report tables as Markdown (Tablesaw has no Markdown writer), CSV and HTML, with every column (the LaTeX
 * tables, which must fit a paper's column, are the compact ones of {@code report.latex}). Numbers
 * are rounded for reading in Markdown and HTML ({@code decimals} per column, default under the key
 * {@code "*"}, else 3; a negative value −n means n significant digits); CSV keeps
 * 10 significant digits (more would print floating-point noise that differs between JVMs). A missing value is an en dash (empty in CSV).
 */
public final class TableWriters {
    private TableWriters() {}

    static final String DASH = "\u2013";

    /** Formatted cells, header first. */
    static List<List<String>> cells(Table t, Map<String, Integer> decimals, boolean raw, String missing) {
        List<List<String>> out = new ArrayList<>();
        out.add(new ArrayList<>(t.columnNames()));
        for (int i = 0; i < t.rowCount(); i++) {
            List<String> row = new ArrayList<>();
            for (Column<?> c : t.columns()) {
                if (c.isMissing(i)) { row.add(missing); continue; }
                if (c.type() == ColumnType.DOUBLE) {
                    double v = (Double) c.get(i);
                    int d = decimals.getOrDefault(c.name(), decimals.getOrDefault("*", 3));
                    row.add(raw ? significant(v, 10) : d >= 0 ? String.format(Locale.ROOT, "%." + d + "f", v) : significant(v, -d));
                } else row.add(String.valueOf(c.get(i)));
            }
            out.add(row);
        }
        return out;
    }

    /** {@code digits} significant digits, never in exponent notation (objectives span milliseconds to minutes). */
    static String significant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return plain(v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9.0e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    private static boolean numeric(Column<?> c) { return c.type() == ColumnType.DOUBLE || c.type() == ColumnType.INTEGER || c.type() == ColumnType.LONG; }

    public static String markdown(Table t, Map<String, Integer> decimals) {
        List<List<String>> cells = cells(t, decimals, false, DASH);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            sb.append('|');
            for (String v : cells.get(r)) sb.append(' ').append(v.replace("|", "\\|")).append(" |");
            sb.append('\n');
            if (r == 0) {
                sb.append('|');
                for (Column<?> c : t.columns()) sb.append(numeric(c) ? " ---: |" : " --- |");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    public static String csv(Table t) {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : cells(t, Map.of(), true, "")) sb.append(RunRecord.Csv.line(row)).append('\n');
        return sb.toString();
    }

    public static String html(Table t, Map<String, Integer> decimals) {
        List<List<String>> cells = cells(t, decimals, false, DASH);
        StringBuilder sb = new StringBuilder("<table>\n<thead><tr>");
        List<Column<?>> cols = t.columns();
        for (int k = 0; k < cols.size(); k++)
            sb.append(numeric(cols.get(k)) ? "<th class=\"num\">" : "<th>").append(esc(cells.get(0).get(k))).append("</th>");
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 1; r < cells.size(); r++) {
            sb.append("<tr>");
            for (int k = 0; k < cols.size(); k++)
                sb.append(numeric(cols.get(k)) ? "<td class=\"num\">" : "<td>").append(esc(cells.get(r).get(k))).append("</td>");
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>\n").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
