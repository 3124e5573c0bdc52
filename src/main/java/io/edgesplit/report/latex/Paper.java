package io.edgesplit.report.latex;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.report.Analysis;
import io.edgesplit.solution.Solution;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The LaTeX part of a report (docs/latex.md): {@code summary.tex} (the paper tables), {@code figures/*.pdf}
 * (every chart and a few Gantt charts, one column wide) and {@code figures.tex} (a figure environment with
 * caption and label per PDF, to \input after {@code \graphicspath{{.../figures/}}}).
 */
public final class Paper {
    private Paper() {}

    /** Gantt charts of more tasks or nodes than this are unreadable one column wide (and 64 nodes would not fit a page). */
    static final int GANTT_MAX_TASKS = 60, GANTT_MAX_NODES = 16;

    /** Writes the LaTeX part; {@code comment} (one line: the suite, runs, machine) heads summary.tex. */
    public static List<Path> write(Analysis a, Table perSolver, Path out, PaperOptions o, int gantts, String comment, List<String> notes) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(write(out.resolve("summary.tex"), ("% " + comment + "\n" + PaperTables.latex(a, perSolver, o)).getBytes(StandardCharsets.UTF_8)));
        Path dir = out.resolve("figures");
        Files.createDirectories(dir);
        StringBuilder tex = new StringBuilder("% Figures (docs/latex.md): \\usepackage{graphicx} and \\graphicspath{{<this folder>/figures/}}.\n");
        String key = PaperTables.labelKey(a);
        for (Map.Entry<String, byte[]> e : PaperFigures.charts(a).entrySet()) {
            written.add(write(dir.resolve(e.getKey() + ".pdf"), e.getValue()));
            tex.append(figure(e.getKey(), PaperFigures.CAPTIONS.get(e.getKey()), "fig:" + key + "-" + e.getKey()));
        }
        for (Analysis.Run best : ganttRuns(a, gantts)) {
            String stem = "gantt-" + best.instance().replaceAll("[^A-Za-z0-9-]", "-");
            try {
                CompiledInstance ci = InstanceJson.read(instanceFile(a, best.instance())).compile();
                Solution s = readSolution(Path.of(best.resultsDir()).resolve(best.solutionFile()));
                written.add(write(dir.resolve(stem + ".pdf"), GanttPdf.pdf(ci, s)));
                tex.append(figure(stem, "Schedule of " + Tex.esc(best.config()) + " on " + Tex.esc(best.instance()) + " (objective "
                        + Tex.objective(best.objective()) + "\\,s): per node its compute lane and, thinner, its incoming transfers; colours are tasks.",
                        "fig:" + key + "-" + stem));
            } catch (RuntimeException e) {
                notes.add("no Gantt PDF for " + best.instance() + ": " + e.getMessage());
            }
        }
        written.add(write(out.resolve("figures.tex"), tex.toString().getBytes(StandardCharsets.UTF_8)));
        return written;
    }

    private static String figure(String stem, String caption, String label) {
        return "\\begin{figure}[t]\n\\centering\n\\includegraphics[width=\\columnwidth]{" + stem + "}\n\\caption{" + caption
                + "}\n\\label{" + label + "}\n\\end{figure}\n";
    }

    private static Path write(Path f, byte[] b) throws IOException {
        Files.write(f, b);
        return f;
    }

    /** A solution file, or its gzipped copy (committed results gzip solutions over 500 KB). */
    public static Solution readSolution(Path f) {
        Path gz = f.resolveSibling(f.getFileName() + ".gz");
        if (Files.isRegularFile(f) || !Files.isRegularFile(gz)) return SolutionJson.read(f);
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            return SolutionJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(gz + ": " + e.getMessage());
        }
    }

    /**
     * The best valid run of up to {@code max} instances (in name order) whose instance file is readable and
     * that are small enough to read one column wide; none when every instance is larger.
     */
    static List<Analysis.Run> ganttRuns(Analysis a, int max) {
        List<Analysis.Run> out = new ArrayList<>();
        for (String i : a.instances()) {
            if (out.size() >= max) break;
            if (a.sizeOf(i).tasks() > GANTT_MAX_TASKS || a.sizeOf(i).nodes() > GANTT_MAX_NODES) continue;
            Path f = instanceFile(a, i);
            if (f == null || !Files.isRegularFile(f)) continue;
            Analysis.Run best = null;
            for (Analysis.Run r : a.runs())
                if (r.instance().equals(i) && r.hasSolution() && (best == null || r.objective() < best.objective())) best = r;
            if (best != null) out.add(best);
        }
        return out;
    }

    private static Path instanceFile(Analysis a, String instance) {
        for (Row row : a.raw()) if (row.getString("instance").equals(instance)) return Path.of(row.getString("instance_file"));
        return null;
    }
}
