package io.edgesplit.report.latex;

import io.edgesplit.report.Analysis;
import io.edgesplit.report.latex.TableLayout.Cell;
import io.edgesplit.report.latex.TableLayout.Column;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of a report in the forms scheduling papers print (docs/latex.md): a per-solver summary with a
 * few chosen columns, an instance × solver matrix of objectives and a class × solver matrix of mean gaps,
 * each laid out by {@link TableLayout} to fit a two-column page. The Markdown and HTML reports keep the full
 * tables with every column (docs/benchmarks.md).
 */
public final class PaperTables {
    private PaperTables() {}

    /** Human headers with units ('\n' separates the lines of a two-line header). */
    static final Map<String, String> HEADERS = Map.ofEntries(Map.entry("runs", "Runs"), Map.entry("feasible", "Feas."),
            Map.entry("optimal", "Opt."), Map.entry("wins", "Wins"), Map.entry("timeouts", "Time-\nouts"), Map.entry("errors", "Err."),
            Map.entry("invalid", "Inv."), Map.entry("refused", "Ref."), Map.entry("contradicted", "Contr."),
            Map.entry("mean_gap_pct", "Gap\n(%)"), Map.entry("mean_gap_to_bound_pct", "Cert.\ngap (%)"),
            Map.entry("geomean_gap_pct", "Geo.\ngap (%)"), Map.entry("borda", "Borda"), Map.entry("mean_wall_s", "Wall\n(s)"),
            Map.entry("median_wall_s", "Med.\nwall (s)"));

    /** What each column means, for the caption. */
    static final Map<String, String> MEANING = Map.ofEntries(Map.entry("runs", "runs"), Map.entry("feasible", "runs with a validated schedule"),
            Map.entry("optimal", "runs proven optimal"), Map.entry("wins", "contests won (ties count for each)"),
            Map.entry("timeouts", "runs stopped at their limit"), Map.entry("errors", "backend failures"),
            Map.entry("invalid", "schedules the validator rejected"), Map.entry("refused", "instances declined"),
            Map.entry("contradicted", "claimed optima beaten by another run"),
            Map.entry("mean_gap_pct", "mean gap to the best known objective"),
            Map.entry("mean_gap_to_bound_pct", "mean certified gap to the lower bound (never below the gap to the optimum)"),
            Map.entry("geomean_gap_pct", "geometric-mean gap"), Map.entry("borda", "Borda score (MiniZinc Challenge)"),
            Map.entry("mean_wall_s", "mean wall time"), Map.entry("median_wall_s", "median wall time"));

    /** Columns where more is better (the best value is bold); the others of {@link #BOLD_MIN}: less is better. */
    static final Set<String> BOLD_MAX = Set.of("feasible", "optimal", "wins", "borda");
    static final Set<String> BOLD_MIN = Set.of("mean_gap_pct", "mean_gap_to_bound_pct", "geomean_gap_pct", "mean_wall_s", "median_wall_s");

    static final String DAGGER = "$^\\dagger$", PROVEN = "$^{*}$", FEWER = "$^\\ddagger$";

    /** Every paper table of the report, as one file to \input (needs booktabs and graphicx). */
    public static String latex(Analysis a, Table perSolver, PaperOptions o) {
        String key = labelKey(a);
        StringBuilder sb = new StringBuilder();
        sb.append("% Paper tables (docs/latex.md): \\usepackage{booktabs} and \\usepackage{graphicx} (for \\rotatebox).\n");
        sb.append("% Each table fits \\columnwidth (table) or \\textwidth (table*), split if need be; the full tables are in summary.md.\n\n");
        sb.append("% --- per solver ---\n").append(perSolver(a, perSolver, o, key)).append('\n');
        List<String> order = perSolver.stringColumn("solver").asList(); // matrices list solvers as the summary ranks them
        if (groups(a).size() < a.instances().size()) sb.append("% --- per class (mean gap) ---\n").append(perGroup(a, order, o, key)).append('\n');
        else sb.append("% per-class table left out: every class or family has one instance (the per-instance table says it all)\n");
        if (a.instances().size() <= o.maxInstanceRows()) sb.append("% --- per instance (objective) ---\n").append(perInstance(a, order, o, key));
        else sb.append("% per-instance matrix left out: ").append(a.instances().size()).append(" instances > ").append(o.maxInstanceRows())
                .append(" (--paper-max-rows); every instance is in summary.md and report.html\n");
        return sb.toString();
    }

    static String labelKey(Analysis a) {
        Set<String> suites = new TreeSet<>();
        for (Row r : a.raw()) suites.add(r.getString("suite"));
        return String.join("-", suites).replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** The per-solver summary: solver name and the chosen columns, best values bold. */
    static String perSolver(Analysis a, Table t, PaperOptions o, String key) {
        List<String> cols = new ArrayList<>();
        for (String c : o.summaryColumns()) {
            if (c.equals("mean_gap_to_bound_pct") && t.doubleColumn(c).countMissing() == t.rowCount()) continue; // no bounds: no column
            cols.add(c);
        }
        String reference = reference(t);
        List<Cell> names = new ArrayList<>();
        boolean anyMark = false;
        for (Row r : t) {
            String s = r.getString("solver");
            boolean mark = !s.equals(reference) && o.significance().significant(null, reference, s);
            anyMark |= mark;
            names.add(new Cell(Tex.esc(s) + (mark ? DAGGER : ""), s + (mark ? "+" : "")));
        }
        List<Column> data = new ArrayList<>();
        for (String c : cols) data.add(Column.of(HEADERS.get(c), true, summaryCells(t, c)));
        Set<Integer> runs = new TreeSet<>();
        for (Row r : t) runs.add(r.getInt("runs"));
        StringBuilder cap = new StringBuilder("Per solver, over ").append(a.instances().size()).append(" instances")
                .append(runs.size() == 1 ? " (" + runs.iterator().next() + " runs each)" : "").append(": ");
        List<String> meaning = new ArrayList<>();
        for (String c : cols) meaning.add(HEADERS.get(c).replace("\n", " ").replace("Time- outs", "Timeouts") + ", " + MEANING.get(c));
        cap.append(Tex.esc(String.join("; ", meaning))).append(". Bold: best of the column.");
        String notes = anyMark ? DAGGER + " differs significantly from " + Tex.esc(reference) + " (" + Tex.esc(o.significanceNote()) + ")." : "";
        return TableLayout.render(List.of(Column.of("Solver", false, names)), data, o.maxColumns(), cap.toString(), "tab:" + key + "-per-solver", notes);
    }

    /** The reference of significance markers: the solver with the least mean gap (ties: the earlier row, i.e. higher Borda). */
    static String reference(Table t) {
        String best = null;
        double g = Double.POSITIVE_INFINITY;
        for (Row r : t) if (!r.isMissing("mean_gap_pct") && r.getDouble("mean_gap_pct") < g) { g = r.getDouble("mean_gap_pct"); best = r.getString("solver"); }
        return best == null ? t.stringColumn("solver").get(0) : best;
    }

    private static List<Cell> summaryCells(Table t, String c) {
        boolean dbl = t.column(c).type() == tech.tablesaw.api.ColumnType.DOUBLE;
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < t.rowCount(); i++) v.add(t.column(c).isMissing(i) ? null : ((Number) t.column(c).get(i)).doubleValue());
        Double best = null;
        boolean differ = false;
        for (Double x : v) if (x != null) {
            if (best != null && Math.abs(x - best) > 1e-12) differ = true;
            if (best == null || (BOLD_MAX.contains(c) ? x > best : x < best)) best = x;
        }
        List<Cell> out = new ArrayList<>();
        String bestText = best == null ? null : format(c, dbl, best);
        for (Double x : v) {
            if (x == null) { out.add(new Cell("--", "--")); continue; }
            String s = format(c, dbl, x);
            // Bold what reads as the best: every "<0.001" when the fastest is below a millisecond, not one of them.
            boolean bold = differ && (BOLD_MAX.contains(c) || BOLD_MIN.contains(c)) && s.equals(bestText);
            out.add(new Cell(bold ? "\\textbf{" + Tex.esc(s) + "}" : Tex.esc(s), s));
        }
        return out;
    }

    private static String format(String column, boolean dbl, double x) {
        if (!dbl) return Long.toString(Math.round(x));
        if (column.endsWith("_s")) return Tex.seconds(x);
        return column.equals("borda") ? String.format(java.util.Locale.ROOT, "%.1f", x) : Tex.percent(x);
    }

    /** The group of an instance: its size class (the folder of its file: tiny, small, ...), or its scenario family when all share one class. */
    static Map<String, List<String>> groups(Analysis a) {
        Map<String, String> cls = new LinkedHashMap<>();
        for (Row r : a.raw()) {
            Path p = Path.of(r.getString("instance_file")).getParent();
            cls.putIfAbsent(r.getString("instance"), p == null || p.getFileName() == null ? "other" : p.getFileName().toString());
        }
        boolean oneClass = new TreeSet<>(cls.values()).size() <= 1;
        List<String> order = List.of("tiny", "small", "medium", "large");
        Map<String, List<String>> out = new java.util.TreeMap<>((x, y) -> {
            int i = order.indexOf(x), j = order.indexOf(y);
            if (i >= 0 && j >= 0) return Integer.compare(i, j);
            if (i >= 0 || j >= 0) return i >= 0 ? -1 : 1;
            return x.compareTo(y);
        });
        for (String i : a.instances()) out.computeIfAbsent(oneClass ? family(i) : cls.get(i), k -> new ArrayList<>()).add(i);
        return out;
    }

    /** The scenario family of an instance name: what precedes its size class or seed ("campus-heavy" of campus-heavy-small-s2). */
    static String family(String instance) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-(tiny|small|medium|large|s\\d+)(-|$)").matcher(instance);
        return m.find() ? instance.substring(0, m.start()) : instance;
    }

    /** Class (or family) × solver: mean gap (%) to the best known over the valid runs, an "All" row last. */
    static String perGroup(Analysis a, List<String> configs, PaperOptions o, String key) {
        Map<String, List<String>> groups = groups(a);
        boolean byFamily = !groups.isEmpty() && groups.keySet().stream().noneMatch(g -> List.of("tiny", "small", "medium", "large", "other").contains(g));
        Map<String, List<String>> rows = new LinkedHashMap<>(groups);
        if (groups.size() > 1) rows.put(null, a.instances());
        List<Cell> label = new ArrayList<>();
        List<List<Cell>> byConfig = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) byConfig.add(new ArrayList<>());
        boolean anyMark = false, anyFewer = false, anyProven = false;
        for (Map.Entry<String, List<String>> g : rows.entrySet()) {
            Set<String> inst = Set.copyOf(g.getValue());
            String name = (g.getKey() == null ? "All" : g.getKey()) + " (" + inst.size() + ")";
            label.add(new Cell((g.getKey() == null ? TableLayout.RULE_BEFORE : "") + Tex.esc(name), name));
            double[] mean = new double[configs.size()];
            int[] solved = new int[mean.length], total = new int[mean.length], proven = new int[mean.length];
            for (Analysis.Run r : a.runs()) {
                if (!inst.contains(r.instance())) continue;
                int k = configs.indexOf(r.config());
                total[k]++;
                if (!r.hasSolution()) continue;
                solved[k]++;
                mean[k] += 100 * a.gap(r);
                if (r.status().equals("OPTIMAL") && !a.contradictedProof(r)) proven[k]++;
            }
            double best = Double.POSITIVE_INFINITY;
            int bestK = -1;
            for (int k = 0; k < mean.length; k++) if (solved[k] > 0) {
                mean[k] /= solved[k];
                if (mean[k] < best - 1e-9) { best = mean[k]; bestK = k; }
            }
            for (int k = 0; k < mean.length; k++) {
                if (solved[k] == 0) { byConfig.get(k).add(new Cell("--", "--")); continue; }
                String s = Tex.percent(mean[k]);
                String tex = Math.abs(mean[k] - best) <= 1e-9 ? "\\textbf{" + s + "}" : s;
                String printed = s; // plus a narrow mark per marker
                if (proven[k] == total[k]) { tex += PROVEN; printed += "+"; anyProven = true; }
                if (solved[k] < total[k]) { tex += FEWER; printed += "+"; anyFewer = true; }
                if (k != bestK && o.significance().significant(g.getKey(), configs.get(bestK), configs.get(k))) { tex += DAGGER; printed += "+"; anyMark = true; }
                byConfig.get(k).add(new Cell(tex, printed));
            }
        }
        List<Column> data = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) data.add(Column.of(configs.get(k), true, byConfig.get(k)));
        String cap = "Mean gap (\\%) to the best known objective per " + (byFamily ? "scenario family" : "instance class")
                + " (number of instances) and solver, over the runs with a validated schedule. Bold: best of the row.";
        List<String> notes = new ArrayList<>();
        if (anyProven) notes.add(PROVEN + " every run proven optimal.");
        if (anyFewer) notes.add(FEWER + " some runs without a schedule (refused, timed out or failed): a mean over fewer instances.");
        if (anyMark) notes.add(DAGGER + " differs significantly from the best of the row (" + Tex.esc(o.significanceNote()) + ").");
        return TableLayout.render(List.of(Column.of(byFamily ? "Family" : "Class", false, label)), data, o.maxColumns(), cap,
                "tab:" + key + "-per-class", String.join(" ", notes));
    }

    /** Instance × solver: best objective (s) over repeats, the best of the row bold, proven optima starred. */
    static String perInstance(Analysis a, List<String> configs, PaperOptions o, String key) {
        List<Cell> label = new ArrayList<>();
        List<List<Cell>> byConfig = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) byConfig.add(new ArrayList<>());
        boolean anyMark = false, anyProven = false;
        for (String i : a.instances()) {
            label.add(Cell.text(i));
            Double[] best = new Double[configs.size()];
            boolean[] proven = new boolean[configs.size()];
            for (Analysis.Run r : a.runs()) {
                if (!r.instance().equals(i) || !r.hasSolution()) continue;
                int k = configs.indexOf(r.config());
                if (best[k] == null || r.objective() < best[k]) best[k] = r.objective();
                if (r.status().equals("OPTIMAL") && !a.contradictedProof(r)) proven[k] = true;
            }
            Double rowBest = null;
            int bestK = -1;
            for (int k = 0; k < best.length; k++) if (best[k] != null && (rowBest == null || best[k] < rowBest)) { rowBest = best[k]; bestK = k; }
            for (int k = 0; k < best.length; k++) {
                if (best[k] == null) { byConfig.get(k).add(new Cell("--", "--")); continue; }
                String s = Tex.objective(best[k]);
                boolean bold = Math.abs(best[k] - rowBest) <= 1e-9 * Math.max(1, Math.abs(rowBest));
                String tex = bold ? "\\textbf{" + s + "}" : s;
                String printed = s; // plus a narrow mark per marker
                if (proven[k]) { tex += PROVEN; printed += "+"; anyProven = true; }
                if (!bold && o.significance().significant(i, configs.get(bestK), configs.get(k))) { tex += DAGGER; printed += "+"; anyMark = true; }
                byConfig.get(k).add(new Cell(tex, printed));
            }
        }
        List<Column> data = new ArrayList<>();
        for (int k = 0; k < configs.size(); k++) data.add(Column.of(configs.get(k), true, byConfig.get(k)));
        String cap = "Objective (s) per instance and solver, the best over repeats. Bold: best of the row; --: no validated schedule.";
        List<String> notes = new ArrayList<>();
        if (anyProven) notes.add(PROVEN + " proven optimal.");
        if (anyMark) notes.add(DAGGER + " differs significantly from the best of the row (" + Tex.esc(o.significanceNote()) + ").");
        return TableLayout.render(List.of(Column.of("Instance", false, label)), data, o.maxColumns(), cap, "tab:" + key + "-per-instance",
                String.join(" ", notes));
    }
}
