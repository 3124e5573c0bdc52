package io.edgesplit.report.latex;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one booktabs table for a two-column paper: it estimates the printed width of every column from its
 * text (without TeX) and picks the first form that fits: a {@code table} in {@code \columnwidth}; the same
 * with the data columns' headers rotated; a {@code table*} in {@code \textwidth}; or the data columns split
 * over several {@code table*}s. No form is ever wider than {@code \textwidth} (scripts/latex-check.sh compiles
 * the result and fails on any overfull box, the ground truth for this estimate). No vertical rules.
 *
 * <p>The estimate is deliberately pessimistic ({@link #textWidth}): at {@code \footnotesize} (8 pt in a 10 pt
 * IEEEtran or article document) a digit counts {@link #CHAR_PT} (0.5 em = 4 pt in Times, a little more in bold
 * Computer Modern), a lower-case letter 4 pt, an upper-case one 6 pt, plus {@code 2\tabcolsep} per column.
 */
public final class TableLayout {
    /**
     * \columnwidth and \textwidth (pt) the tables must fit: the narrower of IEEEtran's two-column layout
     * (252 pt = 3.5 in, 516 pt) and ACM's acmart sigconf (241 pt, 506 pt), so that one output fits both.
     */
    public static final double COLUMN_PT = 241, TEXT_PT = 506;
    /** Width charged per printed character at \footnotesize, and \tabcolsep as the tables set it. */
    static final double CHAR_PT = 4.6, TABCOLSEP_PT = 4;
    /** A rotated header is as wide as one line of text (\footnotesize baselineskip 9.5 pt, rounded up). */
    static final double ROTATED_PT = 10;

    /** A column: header lines (TeX and as printed), right-aligned or not, and its cells. */
    public record Column(List<String> header, List<String> headerPrinted, boolean right, List<Cell> cells) {
        public static Column of(String plainHeader, boolean right, List<Cell> cells) {
            List<String> lines = new ArrayList<>(), printed = new ArrayList<>();
            for (String l : plainHeader.split("\n")) { lines.add(Tex.esc(l)); printed.add(l); }
            return new Column(lines, printed, right, cells);
        }

        double width(boolean rotatedHeader) {
            double w = 0;
            for (Cell c : cells) w = Math.max(w, textWidth(c.printed()));
            if (rotatedHeader) w = Math.max(w, ROTATED_PT * header.size());
            else for (String l : headerPrinted) w = Math.max(w, textWidth(l));
            return w + 2 * TABCOLSEP_PT;
        }
    }

    /** A cell as TeX and as printed (markup and escapes gone; what its width is estimated from). */
    public record Cell(String tex, String printed) {
        public static Cell text(String plain) { return new Cell(Tex.esc(plain), plain); }
    }

    /**
     * Estimated width (pt) of text at \footnotesize, pessimistic for Times (IEEEtran) and Computer Modern
     * (article): digits {@link #CHAR_PT} (bold Computer Modern), lower case 4.0 pt, upper case 6.0 pt.
     */
    static double textWidth(String s) {
        double w = 0;
        for (char ch : s.toCharArray())
            w += Character.isDigit(ch) ? CHAR_PT : Character.isUpperCase(ch) ? 6.0 : Character.isLowerCase(ch) || ch == '-' || ch == ' ' ? 4.0 : CHAR_PT;
        return w;
    }

    /** The form chosen: the environment, whether data headers are rotated, and the data columns of each part. */
    public record Form(boolean wide, boolean rotated, List<List<Integer>> parts) {}

    private TableLayout() {}

    /**
     * The form for {@code label} columns (repeated in every part) and {@code data} columns, at most
     * {@code maxColumns} columns per tabular (labels included, at least one data column per part).
     */
    public static Form choose(List<Column> label, List<Column> data, int maxColumns) {
        int perPart = Math.max(1, maxColumns - label.size());
        if (data.size() <= perPart) {
            List<Integer> all = range(0, data.size());
            if (width(label, data, all, false) <= COLUMN_PT) return new Form(false, false, List.of(all));
            if (width(label, data, all, true) <= COLUMN_PT) return new Form(false, true, List.of(all));
            if (width(label, data, all, false) <= TEXT_PT) return new Form(true, false, List.of(all));
            if (width(label, data, all, true) <= TEXT_PT) return new Form(true, true, List.of(all));
        }
        // Split: as many data columns per part as fit \textwidth with rotated headers (and maxColumns allows),
        // the parts as even as possible so that no part is a lonely column.
        int fit = 0;
        while (fit < Math.min(perPart, data.size()) && width(label, data, range(0, fit + 1), true) <= TEXT_PT) fit++;
        fit = Math.max(1, fit);
        int parts = (data.size() + fit - 1) / fit, size = (data.size() + parts - 1) / parts;
        List<List<Integer>> out = new ArrayList<>();
        for (int s = 0; s < data.size(); s += size) out.add(range(s, Math.min(data.size(), s + size)));
        boolean narrow = true;
        for (List<Integer> p : out) narrow &= width(label, data, p, true) <= COLUMN_PT;
        return new Form(!narrow, true, out);
    }

    /** Estimated printed width (pt) of the label columns and the given data columns. */
    static double width(List<Column> label, List<Column> data, List<Integer> which, boolean rotated) {
        double w = 0;
        for (Column c : label) w += c.width(false);
        for (int i : which) w += data.get(i).width(rotated);
        return w;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> r = new ArrayList<>();
        for (int i = from; i < to; i++) r.add(i);
        return r;
    }

    /**
     * The LaTeX of the table in the chosen form: one float per part, captions numbered "(part k of n)",
     * {@code notes} (legend, markers) under the tabular in \footnotesize.
     */
    public static String render(List<Column> label, List<Column> data, int maxColumns, String caption, String texLabel, String notes) {
        Form f = choose(label, data, maxColumns);
        StringBuilder sb = new StringBuilder();
        String env = f.wide() ? "table*" : "table";
        for (int p = 0; p < f.parts().size(); p++) {
            List<Integer> part = f.parts().get(p);
            String suffix = f.parts().size() > 1 ? " (part " + (p + 1) + " of " + f.parts().size() + ")" : "";
            sb.append("\\begin{").append(env).append("}[t]\n\\centering\n\\footnotesize\n\\setlength{\\tabcolsep}{")
                    .append((int) TABCOLSEP_PT).append("pt}\n");
            sb.append("\\caption{").append(caption).append(suffix).append("}\n");
            sb.append("\\label{").append(texLabel).append(f.parts().size() > 1 ? "-" + (p + 1) : "").append("}\n");
            StringBuilder spec = new StringBuilder();
            List<Column> cols = new ArrayList<>(label);
            for (int i : part) cols.add(data.get(i));
            for (Column c : cols) spec.append(c.right() ? 'r' : 'l');
            sb.append("\\begin{tabular}{").append(spec).append("}\n\\toprule\n");
            List<String> head = new ArrayList<>();
            for (int k = 0; k < cols.size(); k++) {
                Column c = cols.get(k);
                boolean rot = f.rotated() && k >= label.size();
                head.add(header(c, rot));
            }
            sb.append(String.join(" & ", head)).append(" \\\\\n\\midrule\n");
            int rows = cols.get(0).cells().size();
            for (int r = 0; r < rows; r++) {
                if (r > 0 && cols.get(0).cells().get(r).tex().startsWith(RULE_BEFORE)) sb.append("\\midrule\n");
                List<String> row = new ArrayList<>();
                for (Column c : cols) row.add(c.cells().get(r).tex().replace(RULE_BEFORE, ""));
                sb.append(String.join(" & ", row)).append(" \\\\\n");
            }
            sb.append("\\bottomrule\n\\end{tabular}\n");
            if (notes != null && !notes.isBlank()) sb.append("\n\\smallskip\\parbox{\\linewidth}{\\scriptsize ").append(notes).append("}\n");
            sb.append("\\end{").append(env).append("}\n");
        }
        return sb.toString();
    }

    /** A first-column cell starting with this gets a \midrule above its row (e.g. the "All" row under the classes). */
    public static final String RULE_BEFORE = "%RULE%";

    private static String header(Column c, boolean rotated) {
        String text = c.header().size() == 1 ? c.header().get(0)
                : "\\begin{tabular}[b]{@{}" + (c.right() ? 'r' : 'l') + "@{}}" + String.join("\\\\", c.header()) + "\\end{tabular}";
        if (rotated) return "\\rotatebox{90}{" + text + "}";
        return text;
    }
}
