package io.edgesplit.cli;

import io.edgesplit.report.Report;
import io.edgesplit.report.latex.PaperOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Comparison tables and plots from one or more results folders (several folders merge, e.g. shards).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "results folders, each with a runs.csv (or a sim-runs.csv: the simulation report)")
    List<Path> dirs;
    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "md,csv,html,tex", description = "some of md, csv, html, tex (default: all); "
            + "tex (alias latex): summary.tex with tables that fit a two-column paper, figures/*.pdf and figures.tex (docs/latex.md)")
    String formats;
    @Option(names = "--paper-columns", paramLabel = "LIST", split = ",", description = "per-solver columns of summary.tex (default: "
            + "feasible,optimal,mean_gap_pct,mean_gap_to_bound_pct,mean_wall_s; any of the per-solver columns of docs/benchmarks.md)")
    List<String> paperColumns;
    @Option(names = "--paper-max-columns", paramLabel = "N", defaultValue = "12", description = "most columns in one LaTeX table; wider ones are split (default: 12)")
    int paperMaxColumns;
    @Option(names = "--out", paramLabel = "DIR", description = "where to write (default: DIR/report for one folder; required for several)")
    Path out;
    @Option(names = "--gantt", paramLabel = "N", defaultValue = "12", description = "Gantt charts of the best run of the first N instances in the HTML page (0: none)")
    int gantt;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            if (dirs.size() > 1) throw new IllegalArgumentException("--out is required when merging several results folders");
            out = dirs.get(0).resolve("report");
        }
        // Simulation suites' folders (sim-runs.csv, no runs.csv) get the simulation report (docs/benchmarks.md, "Simulation suites").
        if (dirs.stream().allMatch(io.edgesplit.report.SimulationReport::applies)
                && dirs.stream().noneMatch(d -> java.nio.file.Files.exists(d.resolve("runs.csv")))) {
            List<Path> w = io.edgesplit.report.SimulationReport.build(dirs, out, System.err);
            System.out.println("simulation runs; wrote " + w.size() + " file(s) to " + out + " (simulation.md, simulation.csv, plots/sim-*.svg)");
            return Main.OK;
        }
        Set<String> f = new LinkedHashSet<>();
        for (String s : formats.split(",")) if (!s.isBlank()) f.add(s.trim().toLowerCase().equals("latex") ? "tex" : s.trim().toLowerCase());
        PaperOptions paper = PaperOptions.defaults().withMaxColumns(paperMaxColumns);
        if (paperColumns != null) paper = paper.withColumns(paperColumns.stream().map(String::trim).toList());
        Report.Built b = Report.build(dirs, out, f, gantt, paper, System.err);
        System.out.println(b.analysis().runs().size() + " runs; wrote " + b.written().size() + " file(s) to " + out);
        return Main.OK;
    }
}
