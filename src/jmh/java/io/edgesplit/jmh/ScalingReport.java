package io.edgesplit.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JMH JSON result file and writes a Markdown report and an SVG plot:
 * <ul>
 *   <li>per backend and instance (SolveBench): time per solve and the quality counters;</li>
 *   <li>scaling (ScalingBench): time per solve against the number of tasks, one column per backend, at the
 *   node count with the most sizes; the fitted growth exponent {@code b} of {@code time ≈ a · tasks^b}
 *   (least squares on log time against log tasks) with its R²; the node-count series at a fixed task
 *   count; the objective at each size and the gap to the best backend of the same run at that size;</li>
 *   <li>every other benchmark (prescheduler, core, exact) as one row each, with its secondary metrics.</li>
 * </ul>
 * A point whose time is at least 90% of its time limit was cut by the limit rather than measured; it is
 * marked and left out of the fit. The plot is log-log, so a straight line is a power law and its slope
 * the exponent.
 *
 * <p>Usage: {@code java -cp target/edgesplit-jmh.jar io.edgesplit.jmh.ScalingReport RESULT.json OUT.md OUT.svg}
 */
public final class ScalingReport {
    private ScalingReport() {}

    private static final Pattern SIZE = Pattern.compile("(?:gen:)?t(\\d+)-n(\\d+)(?:-s\\d+)?");

    /** One JMH result row. */
    record Row(String benchmark, Map<String, String> params, String mode, double score, double error, String unit,
               Map<String, Double> secondary) {
        String param(String k) { return params.getOrDefault(k, ""); }

        String shortName() {
            String b = benchmark.replace("io.edgesplit.jmh.", "");
            return b;
        }

        double timeMs() {
            double f = switch (unit.replace("/op", "")) {
                case "s" -> 1e3;
                case "ms" -> 1;
                case "us" -> 1e-3;
                case "ns" -> 1e-6;
                default -> Double.NaN;
            };
            return score * f;
        }

        boolean limitBound() {
            String lim = params.get("timeLimit");
            return lim != null && timeMs() >= 0.9 * Double.parseDouble(lim) * 1e3;
        }
    }

    /** A power-law fit of time against tasks. */
    record Fit(double exponent, double r2, int points) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ScalingReport RESULT.json OUT.md OUT.svg");
            System.exit(2);
        }
        List<Row> rows = read(Path.of(args[0]));
        Files.writeString(Path.of(args[1]), markdown(rows, args[0]));
        writePlot(rows, Path.of(args[2]));
        System.out.println("[edgesplit] wrote " + args[1] + " and " + args[2]);
    }

    static List<Row> read(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode r : root) {
            Map<String, String> params = new TreeMap<>();
            JsonNode p = r.get("params");
            if (p != null) for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            JsonNode pm = r.get("primaryMetric");
            Map<String, Double> sec = new TreeMap<>();
            JsonNode s = r.get("secondaryMetrics");
            if (s != null) for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sec.put(e.getKey(), e.getValue().get("score").asDouble());
            }
            rows.add(new Row(r.get("benchmark").asText(), params, r.get("mode").asText(), pm.get("score").asDouble(),
                    pm.get("scoreError").asDouble(Double.NaN), pm.get("scoreUnit").asText(), sec));
        }
        return rows;
    }

    /** Least squares of ln(time) on ln(tasks) over the points not cut by the time limit. */
    static Fit fit(Map<Integer, Row> byTasks) {
        List<double[]> pts = new ArrayList<>();
        for (Map.Entry<Integer, Row> e : byTasks.entrySet())
            if (!e.getValue().limitBound() && e.getValue().timeMs() > 0)
                pts.add(new double[]{Math.log(e.getKey()), Math.log(e.getValue().timeMs())});
        int n = pts.size();
        // Two points always fit a line exactly: ask for three before calling it a growth exponent.
        if (n < 3) return new Fit(Double.NaN, Double.NaN, n);
        double mx = 0, my = 0;
        for (double[] q : pts) { mx += q[0]; my += q[1]; }
        mx /= n;
        my /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (double[] q : pts) {
            sxx += (q[0] - mx) * (q[0] - mx);
            sxy += (q[0] - mx) * (q[1] - my);
            syy += (q[1] - my) * (q[1] - my);
        }
        double b = sxy / sxx;
        double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
        return new Fit(b, r2, n);
    }

    /** backend → tasks → row, for the node count with the most task sizes. */
    static Map<String, Map<Integer, Row>> taskSeries(List<Row> rows) {
        Map<Integer, TreeSet<Integer>> tasksByNodes = new TreeMap<>();
        for (Row r : scalingRows(rows)) {
            int[] tn = size(r);
            tasksByNodes.computeIfAbsent(tn[1], k -> new TreeSet<>()).add(tn[0]);
        }
        int nodes = tasksByNodes.entrySet().stream().max((a, b) -> Integer.compare(a.getValue().size(), b.getValue().size()))
                .map(Map.Entry::getKey).orElse(-1);
        Map<String, Map<Integer, Row>> out = new TreeMap<>();
        for (Row r : scalingRows(rows)) {
            int[] tn = size(r);
            if (tn[1] == nodes) out.computeIfAbsent(r.param("backend"), k -> new TreeMap<>()).put(tn[0], r);
        }
        return out;
    }

    private static List<Row> scalingRows(List<Row> rows) {
        return rows.stream().filter(r -> r.benchmark().endsWith("ScalingBench.solve")).toList();
    }

    private static int[] size(Row r) {
        Matcher m = SIZE.matcher(r.param("size"));
        if (!m.matches()) return new int[]{-1, -1};
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    static String markdown(List<Row> rows, String source) {
        StringBuilder md = new StringBuilder();
        md.append("# JMH results\n\nFrom `").append(source).append("`. Times are JMH scores (mean of the measured ")
                .append("iterations; ± the 99.9% half-width JMH reports when it has enough iterations). ")
                .append("`objective` is seconds, `gap` is percent above the reference (see docs/performance.md).\n\n");

        List<Row> solve = rows.stream().filter(r -> r.benchmark().endsWith("SolveBench.solve")).toList();
        if (!solve.isEmpty()) {
            md.append("## Backends end to end (SolveBench)\n\n| instance | backend | time per solve (ms) | objective (s) | gap (%) |\n|---|---|---:|---:|---:|\n");
            for (Row r : solve)
                md.append("| ").append(r.param("instance")).append(" | ").append(r.param("backend")).append(" | ")
                        .append(time(r)).append(" | ").append(num(r.secondary().get("objective"), 4)).append(" | ")
                        .append(num(r.secondary().get("gapPct"), 1)).append(" |\n");
            md.append('\n');
        }

        Map<String, Map<Integer, Row>> series = taskSeries(rows);
        if (!series.isEmpty()) {
            TreeSet<Integer> tasks = new TreeSet<>();
            series.values().forEach(m -> tasks.addAll(m.keySet()));
            int nodes = size(series.values().iterator().next().values().iterator().next())[1];
            md.append("## Scaling in the number of tasks (ScalingBench, ").append(nodes).append(" nodes)\n\n");
            md.append("Time per solve in ms (`*` = cut by the time limit, left out of the fit).\n\n| tasks |");
            series.keySet().forEach(b -> md.append(' ').append(b).append(" |"));
            md.append("\n|---:|").append("---:|".repeat(series.size())).append('\n');
            for (int t : tasks) {
                md.append("| ").append(t).append(" |");
                for (Map<Integer, Row> m : series.values()) {
                    Row r = m.get(t);
                    md.append(' ').append(r == null ? "–" : num(r.timeMs(), 2) + (r.limitBound() ? "*" : "")).append(" |");
                }
                md.append('\n');
            }
            md.append("| **exponent b** |");
            for (Map<Integer, Row> m : series.values()) {
                Fit f = fit(m);
                md.append(Double.isNaN(f.exponent()) ? " – (" + f.points() + " sizes below the limit) |"
                        : " **" + num(f.exponent(), 2) + "** (R² " + num(f.r2(), 3) + ", " + f.points() + " sizes) |");
            }
            md.append("\n\n`time ≈ a · tasks^b`, least squares on log-log over the measured sizes.\n\n");

            md.append("Objective (s) at each size, and in brackets the gap (%) to the best backend of this run at that size.\n\n| tasks |");
            series.keySet().forEach(b -> md.append(' ').append(b).append(" |"));
            md.append("\n|---:|").append("---:|".repeat(series.size())).append('\n');
            for (int t : tasks) {
                double best = series.values().stream().map(m -> m.get(t)).filter(r -> r != null && r.secondary().containsKey("objective"))
                        .mapToDouble(r -> r.secondary().get("objective")).min().orElse(Double.NaN);
                md.append("| ").append(t).append(" |");
                for (Map<Integer, Row> m : series.values()) {
                    Row r = m.get(t);
                    Double o = r == null ? null : r.secondary().get("objective");
                    double gap = 100 * (o == null ? 0 : o - best) / best;
                    if (Math.abs(gap) < 1e-6) gap = 0; // the same objective reached through different float sums
                    md.append(' ').append(o == null ? "–" : num(o, 3) + " (" + num(gap, 1) + ")").append(" |");
                }
                md.append('\n');
            }
            md.append('\n');

            // The other node counts, at each task count that has more than one.
            Map<Integer, Map<Integer, Map<String, Row>>> byTasksNodes = new TreeMap<>();
            for (Row r : scalingRows(rows)) {
                int[] tn = size(r);
                byTasksNodes.computeIfAbsent(tn[0], k -> new TreeMap<>()).computeIfAbsent(tn[1], k -> new TreeMap<>()).put(r.param("backend"), r);
            }
            for (Map.Entry<Integer, Map<Integer, Map<String, Row>>> e : byTasksNodes.entrySet()) {
                if (e.getValue().size() < 2) continue;
                md.append("## Scaling in the number of nodes (").append(e.getKey()).append(" tasks)\n\nTime per solve in ms.\n\n| nodes |");
                series.keySet().forEach(b -> md.append(' ').append(b).append(" |"));
                md.append("\n|---:|").append("---:|".repeat(series.size())).append('\n');
                for (Map.Entry<Integer, Map<String, Row>> n : e.getValue().entrySet()) {
                    md.append("| ").append(n.getKey()).append(" |");
                    for (String b : series.keySet()) {
                        Row r = n.getValue().get(b);
                        md.append(' ').append(r == null ? "–" : num(r.timeMs(), 2) + (r.limitBound() ? "*" : "")).append(" |");
                    }
                    md.append('\n');
                }
                md.append('\n');
            }
        }

        List<Row> other = rows.stream().filter(r -> !r.benchmark().endsWith("SolveBench.solve") && !r.benchmark().endsWith("ScalingBench.solve")).toList();
        if (!other.isEmpty()) {
            md.append("## Prescheduler, loading, compilation, validator, exact backends\n\n| benchmark | parameters | mode | score | unit | secondary |\n|---|---|---|---:|---|---|\n");
            for (Row r : other) {
                StringBuilder sec = new StringBuilder();
                r.secondary().forEach((k, v) -> sec.append(sec.length() == 0 ? "" : ", ").append(k).append(" = ").append(num(v, 4)));
                md.append("| ").append(r.shortName()).append(" | ").append(params(r)).append(" | ").append(r.mode()).append(" | ")
                        .append(num(r.score(), 3)).append(errorText(r)).append(" | ").append(r.unit()).append(" | ").append(sec).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String params(Row r) {
        StringBuilder sb = new StringBuilder();
        r.params().forEach((k, v) -> {
            if (!v.isEmpty()) sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v);
        });
        return sb.toString();
    }

    private static String time(Row r) { return num(r.timeMs(), 3) + (Double.isNaN(r.error()) ? "" : " ± " + num(r.error() * r.timeMs() / r.score(), 3)); }

    private static String errorText(Row r) { return Double.isNaN(r.error()) ? "" : " ± " + num(r.error(), 3); }

    private static String num(Double v, int digits) {
        if (v == null || v.isNaN()) return "–";
        if (v != 0 && Math.abs(v) < Math.pow(10, -digits) && Math.abs(v) > 1e-9) return String.format(Locale.ROOT, "%.2e", v);
        if (Math.abs(v) <= 1e-9) return String.format(Locale.ROOT, "%." + digits + "f", 0.0);
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    static void writePlot(List<Row> rows, Path svg) throws IOException {
        Map<String, Map<Integer, Row>> series = taskSeries(rows);
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Fit> fits = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Integer, Row>> e : series.entrySet()) {
            Fit f = fit(e.getValue());
            fits.put(e.getKey(), f);
            XYSeries s = new XYSeries(e.getKey() + (Double.isNaN(f.exponent()) ? "" : String.format(Locale.ROOT, " (b = %.2f)", f.exponent())));
            e.getValue().forEach((t, r) -> { if (r.timeMs() > 0) s.add((double) t, r.timeMs()); });
            data.addSeries(s);
        }
        String nodes = series.isEmpty() ? "" : " on " + size(series.values().iterator().next().values().iterator().next())[1] + " nodes";
        JFreeChart chart = ChartFactory.createXYLineChart("Time per solve vs tasks" + nodes + " (JMH, log-log)", "tasks",
                "time per solve (ms)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = new LogAxis("tasks");
        x.setBase(2);
        x.setNumberFormatOverride(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        LogAxis y = new LogAxis("time per solve (ms)");
        y.setBase(10);
        y.setNumberFormatOverride(new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
        SVGGraphics2D g = new SVGGraphics2D(800, 520);
        chart.draw(g, new Rectangle2D.Double(0, 0, 800, 520));
        SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
    }
}
