package io.edgesplit.report;

import io.edgesplit.bench.RunRecord;
import io.edgesplit.dynamic.suite.RunFiles;
import io.edgesplit.dynamic.suite.SimRow;
import io.edgesplit.dynamic.suite.SimRunsCsv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report of a simulation suite's results (docs/benchmarks.md, "Simulation suites"): {@code simulation.md}
 * and {@code simulation.csv} (per scenario and policy, over the seeds: latency, deadline misses, decisions,
 * competitive ratio), and per scenario a latency CDF and a latency-over-time plot ({@link SimulationPlots}).
 * Only valid runs (status OK) count; the others are counted and named.
 */
public final class SimulationReport {
    private SimulationReport() {}

    /** Whether a results folder holds simulation runs. */
    public static boolean applies(Path dir) { return Files.isRegularFile(dir.resolve("sim-runs.csv")); }

    /** A row and the folder it came from (its files are relative to it). */
    record Run(SimRow row, Path dir) {}

    /** The aggregate of one (scenario, policy) over its seeds. */
    record Cell(String scenario, String policy, List<Run> runs) {
        List<SimRow> ok() { return runs.stream().map(Run::row).filter(SimRow::ok).toList(); }

        long count(String status) { return runs.stream().filter(r -> r.row().status().equals(status)).count(); }
    }

    public static final List<String> COLUMNS = List.of("scenario", "policy", "backend", "mode", "runs", "ok", "invalid", "errors", "timeouts",
            "mean_s", "mean_s_min", "mean_s_max", "p95_s", "p95_s_min", "p95_s_max", "p99_s", "p99_s_min", "p99_s_max",
            "missed", "deadlines", "miss_pct", "decisions", "decision_mean_ms", "decision_max_ms", "cut_by_budget", "fallbacks",
            "competitive_ratio", "competitive_ratio_min", "competitive_ratio_max", "ratio_runs", "competitive_ratio_to_bound");

    /** Builds the report into {@code out}; returns the files written. Several folders merge (the first row of a run wins). */
    public static List<Path> build(List<Path> dirs, Path out, PrintStream log) throws IOException {
        Map<String, Run> runs = new LinkedHashMap<>();
        for (Path d : dirs) {
            if (!applies(d)) throw new IllegalArgumentException(d + " has no sim-runs.csv");
            for (SimRow r : SimRunsCsv.read(d.resolve("sim-runs.csv")).values()) runs.putIfAbsent(r.id(), new Run(r, d));
        }
        Map<String, Map<String, Cell>> byScenario = new LinkedHashMap<>();
        for (Run r : runs.values())
            byScenario.computeIfAbsent(r.row().scenario(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.row().policy(), k -> new Cell(r.row().scenario(), k, new ArrayList<>())).runs().add(r);
        Files.createDirectories(out.resolve("plots"));
        List<Path> written = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Cell>> s : byScenario.entrySet()) {
            Path cdf = out.resolve("plots").resolve("sim-cdf-" + RunFiles.safe(s.getKey()) + ".svg");
            Path time = out.resolve("plots").resolve("sim-latency-over-time-" + RunFiles.safe(s.getKey()) + ".svg");
            written.addAll(SimulationFigures.write(s.getKey(), s.getValue().values().stream().flatMap(c -> c.runs().stream()).toList(), cdf, time, notes));
        }
        written.add(write(out.resolve("simulation.csv"), csv(byScenario)));
        written.add(write(out.resolve("simulation.md"), markdown(runs.size(), byScenario, notes)));
        for (String n : notes) log.println("note: " + n);
        return written;
    }

    private static Path write(Path f, String s) throws IOException {
        Files.writeString(f, s, StandardCharsets.UTF_8);
        return f;
    }

    static String csv(Map<String, Map<String, Cell>> byScenario) {
        StringBuilder sb = new StringBuilder(RunRecord.Csv.line(COLUMNS)).append('\n');
        for (Map<String, Cell> cells : byScenario.values())
            for (Cell c : cells.values()) {
                List<SimRow> ok = c.ok();
                SimRow first = c.runs().get(0).row();
                List<String> line = new ArrayList<>(List.of(c.scenario(), c.policy(), first.backend(), first.mode(),
                        Integer.toString(c.runs().size()), Integer.toString(ok.size()), Long.toString(c.count(SimRow.INVALID)),
                        Long.toString(c.count(SimRow.ERROR)), Long.toString(c.count(SimRow.TIMEOUT))));
                for (Function<SimRow, Double> f : List.<Function<SimRow, Double>>of(SimRow::meanS, SimRow::p95S, SimRow::p99S)) {
                    Stats st = Stats.of(ok, f);
                    line.addAll(List.of(num(st.mean()), num(st.min()), num(st.max())));
                }
                int missed = ok.stream().mapToInt(r -> r.missed() == null ? 0 : r.missed()).sum();
                int deadlines = ok.stream().mapToInt(r -> r.deadlines() == null ? 0 : r.deadlines()).sum();
                line.addAll(List.of(Integer.toString(missed), Integer.toString(deadlines), deadlines == 0 ? "" : num(100.0 * missed / deadlines),
                        num(Stats.of(ok, r -> r.decisions() == null ? null : r.decisions().doubleValue()).mean()),
                        num(Stats.of(ok, SimRow::decisionMeanMs).mean()), num(Stats.of(ok, SimRow::decisionMaxMs).max()),
                        Integer.toString(ok.stream().mapToInt(r -> r.cutByBudget() == null ? 0 : r.cutByBudget()).sum()),
                        Integer.toString(ok.stream().mapToInt(r -> r.fallbacks() == null ? 0 : r.fallbacks()).sum())));
                Stats cr = Stats.of(ok, SimRow::competitiveRatio);
                line.addAll(List.of(num(cr.mean()), num(cr.min()), num(cr.max()), Integer.toString(cr.n()),
                        num(Stats.of(ok, SimRow::ratioToBound).mean())));
                sb.append(RunRecord.Csv.line(line)).append('\n');
            }
        return sb.toString();
    }

    static String markdown(int runs, Map<String, Map<String, Cell>> byScenario, List<String> notes) {
        StringBuilder sb = new StringBuilder("# Simulation report\n\n").append(runs).append(" run(s) on ").append(byScenario.size())
                .append(" scenario(s). Only valid runs (status OK: the executed trace passed the validator on the realised instance) count; ")
                .append("numbers are means over the seeds, with the range (min–max) over them.\n\n");
        for (Map.Entry<String, Map<String, Cell>> s : byScenario.entrySet()) {
            sb.append("## ").append(s.getKey()).append("\n\n");
            sb.append("| policy | valid runs | mean latency (s) | p95 (s) | p99 (s) | missed deadlines | decisions | decision time (ms, mean / max) | competitive ratio |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Cell c : s.getValue().values()) {
                List<SimRow> ok = c.ok();
                int missed = ok.stream().mapToInt(r -> r.missed() == null ? 0 : r.missed()).sum();
                int deadlines = ok.stream().mapToInt(r -> r.deadlines() == null ? 0 : r.deadlines()).sum();
                Stats cr = Stats.of(ok, SimRow::competitiveRatio);
                Stats bound = Stats.of(ok, SimRow::ratioToBound);
                String ratio = cr.n() > 0 ? cr.range() + (cr.n() < ok.size() ? " (" + cr.n() + " of " + ok.size() + " runs)" : "")
                        : bound.n() > 0 ? "≤ " + bound.range() + " (to the hindsight's bound)" : "–";
                sb.append("| ").append(c.policy()).append(" | ").append(ok.size()).append(" / ").append(c.runs().size())
                        .append(" | ").append(Stats.of(ok, SimRow::meanS).range()).append(" | ").append(Stats.of(ok, SimRow::p95S).range())
                        .append(" | ").append(Stats.of(ok, SimRow::p99S).range()).append(" | ")
                        .append(deadlines == 0 ? "–" : missed + " / " + deadlines).append(" | ")
                        .append(Stats.of(ok, r -> r.decisions() == null ? null : r.decisions().doubleValue()).range()).append(" | ")
                        .append(Stats.of(ok, SimRow::decisionMeanMs).fmt(Stats.of(ok, SimRow::decisionMeanMs).mean())).append(" / ")
                        .append(Stats.of(ok, SimRow::decisionMaxMs).fmt(Stats.of(ok, SimRow::decisionMaxMs).max())).append(" | ")
                        .append(ratio).append(" |\n");
            }
            sb.append('\n');
            for (Cell c : s.getValue().values())
                for (Run r : c.runs())
                    if (!r.row().ok()) sb.append("- ").append(c.policy()).append(" seed ").append(r.row().seed()).append(": ")
                            .append(r.row().status()).append(r.row().message() == null ? "" : " — " + r.row().message()).append('\n');
            sb.append(hindsightLine(s.getValue().values()));
            String safe = RunFiles.safe(s.getKey());
            sb.append("\n![latency CDF](plots/sim-cdf-").append(safe).append(".svg)\n\n![latency over time](plots/sim-latency-over-time-")
                    .append(safe).append(".svg)\n\n");
        }
        sb.append("""
                - **competitive ratio**: the policy's total latency on the realised instance ÷ the optimum in hindsight (every arrival and fluctuation known in advance), only where the hindsight backend proved its answer OPTIMAL; it is ≥ 1 by definition. Where the hindsight only found a FEASIBLE schedule, the ratio to its proven lower bound is shown instead (marked ≤: an upper bound on the true ratio).
                - **decision time**: wall time the policy spent per decision point (building the residual instance, solving, checking the plan).
                """);
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n\n");
            for (String n : notes) sb.append("- ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** Why a scenario's ratios are missing: the hindsight statuses of its valid runs other than OPTIMAL, with a reason. */
    static String hindsightLine(java.util.Collection<Cell> cells) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        String reason = null;
        for (Cell c : cells)
            for (SimRow r : c.ok())
                if (r.hindsightStatus() != null && !r.hindsightStatus().equals("OPTIMAL")) {
                    counts.merge(r.hindsightStatus(), 1L, Long::sum);
                    if (reason == null && r.message() != null) reason = r.message();
                }
        if (counts.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("- hindsight not proven optimal in ");
        counts.forEach((k, v) -> sb.append(v).append(" run(s): ").append(k).append("; "));
        sb.setLength(sb.length() - 2);
        return sb.append(reason == null ? "" : " (e.g. " + reason + ")").append('\n').toString();
    }

    static String num(Double v) { return v == null ? "" : TableWriters.significant(v, 6); }

    /** Mean, min and max of a column over the rows that have it. */
    record Stats(int n, Double mean, Double min, Double max) {
        static Stats of(List<SimRow> rows, Function<SimRow, Double> f) {
            double[] v = rows.stream().map(f).filter(x -> x != null && Double.isFinite(x)).mapToDouble(Double::doubleValue).toArray();
            if (v.length == 0) return new Stats(0, null, null, null);
            return new Stats(v.length, java.util.Arrays.stream(v).average().orElseThrow(), java.util.Arrays.stream(v).min().orElseThrow(),
                    java.util.Arrays.stream(v).max().orElseThrow());
        }

        String fmt(Double v) { return v == null ? "–" : TableWriters.significant(v, 4); }

        /** "mean (min–max)", or the mean alone when there is one run or no spread. */
        String range() {
            if (n == 0) return "–";
            return n == 1 || min.equals(max) ? fmt(mean) : fmt(mean) + " (" + fmt(min) + "–" + fmt(max) + ")";
        }
    }
}
