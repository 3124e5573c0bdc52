package io.edgesplit.report;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.report.latex.Paper;
import io.edgesplit.report.latex.PaperOptions;
import io.edgesplit.report.latex.PaperTables;
import io.edgesplit.solution.Solution;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the comparison report of one or more results folders: {@code summary.md}, {@code per-solver.csv}
 * and {@code per-instance.csv}, a self-contained {@code report.html} (tables and inline SVG charts, nothing
 * fetched) and {@code plots/*.svg}; for LaTeX papers, {@code summary.tex} (compact tables that fit a two-column
 * page), {@code figures/*.pdf} and {@code figures.tex} (docs/latex.md, package {@code report.latex}).
 */
public final class Report {
    public static final Set<String> FORMATS = Set.of("md", "csv", "html", "tex");

    /** Decimal places of the rounded formats. */
    static final Map<String, Integer> DECIMALS = Map.of("mean_gap_pct", 2, "mean_gap_to_bound_pct", 2, "geomean_gap_pct", 2, "borda", 2,
            "mean_wall_s", -3, "median_wall_s", -3); // wall times span 0.1 ms to minutes: 3 significant digits

    /** Objectives (seconds) span milliseconds to minutes: 5 significant digits. */
    static final Map<String, Integer> OBJECTIVE_DIGITS = Map.of("*", -5);

    private Report() {}

    /** What the report is about: the analysis and the notes gathered while loading. */
    public record Built(Analysis analysis, List<String> notes, List<Path> written) {}

    public static Built build(List<Path> dirs, Path out, Set<String> formats, int ganttInstances, PrintStream log) throws IOException {
        return build(dirs, out, formats, ganttInstances, PaperOptions.defaults(), log);
    }

    /** Gantt charts in the LaTeX figures: a paper prints one or two. */
    static final int PAPER_GANTTS = 2;

    public static Built build(List<Path> dirs, Path out, Set<String> formats, int ganttInstances, PaperOptions paper, PrintStream log) throws IOException {
        for (String f : formats)
            if (!FORMATS.contains(f)) throw new IllegalArgumentException("--formats: unknown format \"" + f + "\"; expected some of md, csv, html, tex (alias latex)");
        List<String> notes = new ArrayList<>();
        Table raw = Results.load(dirs, notes);
        Results.fillMissingBounds(raw, notes);
        Analysis a = new Analysis(raw);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        Table solver = a.perSolver(), inst = a.perInstance();
        // A single results folder of a suite with a committed reference: say how this run compares with it.
        String vsReference = dirs.size() == 1 ? ReferenceComparison.markdown(raw, dirs.get(0), notes) : null;
        if (vsReference != null) written.add(write(out.resolve("vs-reference.md"), vsReference));
        if (formats.contains("md"))
            written.add(write(out.resolve("summary.md"), markdown(a, solver, inst) + (vsReference == null ? "" : "\n" + vsReference)));
        if (formats.contains("csv")) {
            written.add(write(out.resolve("per-solver.csv"), TableWriters.csv(solver)));
            written.add(write(out.resolve("per-instance.csv"), TableWriters.csv(inst)));
        }
        // Paired statistics of the medag configurations against every other one (their own files, PairedStatistics);
        // they also mark the significant differences in the paper tables' per-class rows.
        List<PairedStatistics.Pair> paired = formats.contains("md") || formats.contains("csv") || formats.contains("tex")
                ? PairedStatistics.compute(a) : List.of();
        if (formats.contains("tex")) {
            PaperOptions withStats = paired.isEmpty() || paper.significance() != io.edgesplit.report.latex.Significance.NONE ? paper
                    : paper.withSignificance(PairedStatistics.significance(paired, 0.05), "Wilcoxon signed-rank test over the instances, p < 0.05 in every scenario class of the row");
            written.addAll(Paper.write(a, solver, out, withStats, Math.min(ganttInstances, PAPER_GANTTS), context(a), notes));
        }
        if (!paired.isEmpty()) {
            if (formats.contains("csv")) written.add(write(out.resolve("paired.csv"), PairedStatistics.csv(paired)));
            if (formats.contains("md")) written.add(write(out.resolve("paired.md"), PairedStatistics.markdown(paired)));
        }
        if (formats.contains("html") || formats.contains("md")) {
            Map<String, String> plots = Plots.all(a);
            Plots.writeAll(plots, out.resolve("plots"));
            if (formats.contains("html")) {
                Map<String, String> gantts = gantts(a, ganttInstances, notes);
                written.add(write(out.resolve("report.html"), html(a, solver, inst, plots, gantts, notes)));
            }
        }
        for (String n : notes) log.println("note: " + n);
        return new Built(a, notes, written);
    }

    private static Path write(Path f, String s) throws IOException {
        Files.writeString(f, s, StandardCharsets.UTF_8);
        return f;
    }

    static String context(Analysis a) {
        Set<String> suites = new TreeSet<>(), machines = new TreeSet<>();
        for (Row r : a.raw()) {
            suites.add(r.getString("suite"));
            machines.add(r.getInt("cores") + " cores, JDK " + r.getString("jdk"));
        }
        return "Suite(s): " + String.join(", ", suites) + ". Runs: " + a.runs().size() + " on " + a.instances().size()
                + " instance(s) with " + a.configs().size() + " configuration(s). Machine(s): " + String.join("; ", machines) + ".";
    }

    static final String DEFINITIONS = """
            - **feasible**: runs whose schedule passed the validator; **optimal**: those also proven optimal by the backend.
            - **wins**: contests (instance, repeat) in which the configuration's objective equals the best of all configurations (ties count for each).
            - **gap**: (objective − best known) / best known, over runs with a valid schedule; the best known is the least objective of any valid run and of the instance file's `bestKnown`. The geometric mean is exp(mean ln(1 + gap)) − 1.
            - **gap to bound** (`mean_gap_to_bound_pct`, per instance `gap_to_bound_pct` of the best known): (objective − bound) / bound, where the bound is the larger of the instance's cheap lower bound (`instance_bound_s` in runs.csv, docs/bounds.md) and the best bound proven by a run that answered, whose proof is not contradicted and whose bound is not above a valid schedule; it is at least the true gap to the optimum (certified). The mean is left empty for a configuration with a solved run on an instance without a bound.
            - **borda**: MiniZinc Challenge score: in every contest, each configuration meets each other one; a better answer (a schedule vs none, a lower objective, or the same objective with a proof) earns 1, a tie splits the point by wall time (t_other / (t_self + t_other)).
            - **timeouts / errors / invalid / refused**: runs stopped after their limit plus grace, backend failures, schedules the validator rejected (never counted as results), and instances the backend declined with a reason (e.g. too large for brute force).
            - **contradicted**: runs claiming a proven optimum that another valid run beats: a wrong proof (the validator checks schedules, not proofs).
            """;

    public static String markdown(Analysis a, Table solver, Table inst) {
        StringBuilder sb = new StringBuilder("# Benchmark report\n\n").append(context(a)).append("\n\n");
        sb.append("## Per solver\n\n").append(TableWriters.markdown(solver, DECIMALS)).append('\n').append(DEFINITIONS).append('\n');
        List<Analysis.Run> wrong = a.contradictedProofs();
        if (!wrong.isEmpty()) {
            sb.append("**Warning: ").append(wrong.size()).append(" claimed optimum(s) are beaten by another valid run:**\n\n");
            for (Analysis.Run r : wrong)
                sb.append("- ").append(r.config()).append(" on ").append(r.instance()).append(": claims ").append(r.objective())
                        .append(" s optimal, best known ").append(a.bestKnown(r.instance())).append(" s\n");
            sb.append('\n');
        }
        sb.append("## Per instance (objective in seconds, best over repeats)\n\n").append(TableWriters.markdown(inst, OBJECTIVE_DIGITS)).append('\n');
        sb.append("## Plots\n\n");
        for (String p : List.of("profile-time", "profile-quality", "gap-vs-size", "gap-to-bound-vs-size", "anytime", "scaling"))
            sb.append("- [").append(p).append("](plots/").append(p).append(".svg)\n");
        return sb.toString();
    }

    /** The paper tables (docs/latex.md); the full tables stay in Markdown and HTML, which have room for them. */
    public static String latex(Analysis a, Table solver, PaperOptions paper) {
        return "% " + context(a) + "\n" + PaperTables.latex(a, solver, paper);
    }

    /** One Gantt chart per instance (up to {@code max}), of its best valid run. */
    static Map<String, String> gantts(Analysis a, int max, List<String> notes) {
        Map<String, String> out = new LinkedHashMap<>();
        if (max <= 0) return out;
        for (String i : a.instances()) {
            if (out.size() >= max) break;
            Analysis.Run best = null;
            for (Analysis.Run r : a.runs())
                if (r.instance().equals(i) && r.hasSolution() && (best == null || r.objective() < best.objective())) best = r;
            if (best == null) continue;
            String file = null;
            for (Row row : a.raw()) if (row.getString("instance").equals(i)) { file = row.getString("instance_file"); break; }
            Path f = file == null ? null : Path.of(file);
            if (f == null || !Files.isRegularFile(f)) {
                notes.add("no Gantt chart for " + i + ": instance file " + file + " not found from the working directory");
                continue;
            }
            try {
                CompiledInstance ci = InstanceJson.read(f).compile();
                Solution s = Paper.readSolution(Path.of(best.resultsDir()).resolve(best.solutionFile())); // or its .gz
                out.put(i + " (" + best.config() + ")", GanttChart.svg(ci, s));
            } catch (RuntimeException e) {
                notes.add("no Gantt chart for " + i + ": " + e.getMessage());
            }
        }
        return out;
    }

    static String html(Analysis a, Table solver, Table inst, Map<String, String> plots, Map<String, String> gantts, List<String> notes) {
        StringBuilder sb = new StringBuilder();
        Set<String> suites = new LinkedHashSet<>();
        for (Row r : a.raw()) suites.add(r.getString("suite"));
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>edgesplit benchmark: ")
                .append(TableWriters.esc(String.join(", ", suites))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:24px auto;max-width:1420px;color:#222;padding:0 16px}\n")
                .append("h1{font-size:1.6em;margin-bottom:4px}h2{margin-top:32px;border-bottom:1px solid #ddd;padding-bottom:4px}\n")
                .append("table{border-collapse:collapse;margin:12px 0;font-size:13px}th,td{padding:4px 7px;border-bottom:1px solid #e3e3e3;text-align:left;white-space:nowrap}\n")
                .append("th{background:#f3f5f8;border-bottom:2px solid #bbb}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("tbody tr:hover{background:#fafbfd}.plots{display:flex;flex-wrap:wrap;gap:16px}.plots figure{margin:0;border:1px solid #e5e5e5}\n")
                .append(".scroll{overflow-x:auto}.note{color:#8a5a00}.defs li{margin:3px 0;font-size:14px}figure.gantt{margin:12px 0;overflow-x:auto}\n")
                .append("</style></head><body>\n");
        sb.append("<h1>Benchmark report: ").append(TableWriters.esc(String.join(", ", suites))).append("</h1>\n<p>")
                .append(TableWriters.esc(context(a))).append("</p>\n");
        for (String n : notes) sb.append("<p class=\"note\">").append(TableWriters.esc(n)).append("</p>\n");
        sb.append("<h2>Per solver</h2>\n<div class=\"scroll\">").append(TableWriters.html(solver, DECIMALS)).append("</div>\n<ul class=\"defs\">\n");
        for (String line : DEFINITIONS.strip().split("\n"))
            sb.append("<li>").append(TableWriters.esc(line.substring(2)).replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>").replaceAll("`(.+?)`", "<code>$1</code>")).append("</li>\n");
        sb.append("</ul>\n<h2>Plots</h2>\n<div class=\"plots\">\n");
        for (Map.Entry<String, String> p : plots.entrySet()) sb.append("<figure id=\"").append(p.getKey()).append("\">").append(p.getValue()).append("</figure>\n");
        sb.append("</div>\n<h2>Per instance (objective in seconds, best over repeats)</h2>\n<div class=\"scroll\">")
                .append(TableWriters.html(inst, OBJECTIVE_DIGITS)).append("</div>\n");
        if (!gantts.isEmpty()) {
            sb.append("<h2>Schedules (best run per instance)</h2>\n");
            for (Map.Entry<String, String> g : gantts.entrySet())
                sb.append("<h3>").append(TableWriters.esc(g.getKey())).append("</h3>\n<figure class=\"gantt\">").append(g.getValue()).append("</figure>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }
}
