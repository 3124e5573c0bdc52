package io.edgesplit.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's charts, drawn with JFreeChart into SVG (JFreeSVG), so they are vector and can be inlined
 * in the HTML page. Definitions in docs/benchmarks.md.
 */
public final class Plots {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    static final int W = 620, H = 390;

    /** Distinct colours (Okabe–Ito, then Tableau), readable for colour-blind readers first. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
            new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442), new Color(0x8C564B),
            new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};

    private Plots() {}

    /** Every chart of the report, by file stem, as SVG elements. */
    public static Map<String, String> all(Analysis a) {
        Map<String, String> out = new LinkedHashMap<>();
        charts(a).forEach((k, c) -> out.put(k, svg(c)));
        return out;
    }

    /** Every chart of the report, by file stem, as JFreeChart objects (drawn to SVG here, to PDF by the LaTeX output). */
    public static Map<String, JFreeChart> charts(Analysis a) {
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        out.put("profile-time", profileTime(a));
        out.put("profile-quality", profileQuality(a));
        out.put("gap-vs-size", gapVsSize(a));
        out.put("gap-to-bound-vs-size", gapToBoundVsSize(a));
        out.put("anytime", anytime(a));
        out.put("scaling", scaling(a));
        return out;
    }

    public static void writeAll(Map<String, String> svgs, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : svgs.entrySet())
            Files.writeString(dir.resolve(e.getKey() + ".svg"), "<?xml version=\"1.0\"?>\n" + e.getValue() + "\n");
    }

    /**
     * Dolan–Moré profile on time: for each contest, the ratio of a configuration's wall time to the fastest
     * wall time among the configurations that found a valid solution; ρ(τ) = share of contests with ratio ≤ τ.
     * A run without a solution never counts.
     */
    static JFreeChart profileTime(Analysis a) {
        return profile(a, "Performance profile: time", "τ (wall time / fastest wall time)", r -> r.wall(), true);
    }

    /** Dolan–Moré profile on quality: ratio = objective / best known objective of the instance. */
    static JFreeChart profileQuality(Analysis a) {
        return profile(a, "Performance profile: solution quality", "τ (objective / best known)", r -> r.objective(), false);
    }

    private static JFreeChart profile(Analysis a, String title, String xLabel, java.util.function.ToDoubleFunction<Analysis.Run> measure, boolean perContestMin) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (String c : a.configs()) ratios.put(c, new ArrayList<>());
        int contests = 0;
        for (Map<String, Analysis.Run> contest : a.contests().values()) {
            contests++;
            double ref = Double.POSITIVE_INFINITY;
            if (perContestMin) {
                for (Analysis.Run r : contest.values()) if (r.hasSolution()) ref = Math.min(ref, Math.max(measure.applyAsDouble(r), 1e-4));
            } else {
                Double b = a.bestKnown(contest.values().iterator().next().instance());
                ref = b == null ? Double.POSITIVE_INFINITY : b;
            }
            for (Analysis.Run r : contest.values()) {
                if (!r.hasSolution() || Double.isInfinite(ref)) continue;
                double v = perContestMin ? Math.max(measure.applyAsDouble(r), 1e-4) : measure.applyAsDouble(r);
                ratios.get(r.config()).add(ref <= 0 ? (v <= 0 ? 1 : Double.POSITIVE_INFINITY) : Math.max(1, v / ref));
            }
        }
        double maxRatio = 1;
        for (List<Double> l : ratios.values()) for (double v : l) if (Double.isFinite(v)) maxRatio = Math.max(maxRatio, v);
        double xMax = Math.max(maxRatio * 1.15, 1.2);
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, List<Double>> e : ratios.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, true);
            double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
            s.add(1.0, share(v, 1.0, contests));
            for (double x : v) s.addOrUpdate(x, share(v, x, contests));
            s.addOrUpdate(xMax, share(v, xMax, contests));
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, "share of contests ρ(τ)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = logAxis(xLabel);
        x.setRange(1, xMax);
        x.setSmallestValue(1);
        plot.setDomainAxis(x);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setRange(0, 1.02);
        XYStepRenderer step = new XYStepRenderer();
        plot.setRenderer(step);
        return style(chart, data.getSeriesCount());
    }

    private static double share(double[] sorted, double tau, int total) {
        int k = 0;
        for (double v : sorted) if (v <= tau * (1 + 1e-12)) k++;
        return total == 0 ? 0 : (double) k / total;
    }

    /**
     * The certified gap (%): every valid run's objective against the instance's lower bound (the larger of the
     * cheap bound and trusted proven bounds, docs/bounds.md), and the best known objective's (a black cross per
     * instance: how far from optimal the best answer can at most be), against the instance's total layer count.
     * Gaps span 0 to thousands of percent (a backend that only returns a poor start), so the axis is
     * logarithmic, with a gap of 0 (proven optimal) drawn at {@link #ZERO_GAP_PCT}.
     */
    static JFreeChart gapToBoundVsSize(Analysis a) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> by = new LinkedHashMap<>();
        for (String c : a.configs()) by.put(c, new XYSeries(c, false, true));
        XYSeries best = new XYSeries("best known", false, true);
        for (Analysis.Run r : a.runs()) if (r.hasSolution()) {
            Double g = a.gapToBound(r);
            if (g != null && Double.isFinite(g)) by.get(r.config()).add(r.layers(), Math.max(ZERO_GAP_PCT, 100 * g));
        }
        for (String i : a.instances()) {
            Double b = a.bestKnown(i);
            Double g = b == null ? null : a.gapToBound(i, b);
            if (g != null && Double.isFinite(g)) best.add(a.sizeOf(i).layers(), Math.max(ZERO_GAP_PCT, 100 * g));
        }
        by.values().forEach(data::addSeries);
        data.addSeries(best);
        JFreeChart chart = ChartFactory.createScatterPlot("Certified gap (to the lower bound) vs instance size", "layers in the instance (all tasks)",
                "gap to lower bound (%)", data, PlotOrientation.VERTICAL, true, false, false);
        JFreeChart styled = style(chart, data.getSeriesCount());
        XYPlot plot = styled.getXYPlot();
        LogAxis y = logAxis("gap to lower bound (%, log; 0 drawn at " + ZERO_GAP_PCT + ")");
        y.setSmallestValue(ZERO_GAP_PCT);
        plot.setRangeAxis(y);
        plot.getRenderer().setSeriesPaint(data.getSeriesCount() - 1, Color.BLACK);
        plot.getRenderer().setSeriesShape(data.getSeriesCount() - 1, org.jfree.chart.util.ShapeUtils.createDiagonalCross(4, 1));
        return styled;
    }

    /** Where the certified-gap plot draws a gap of 0 on its log axis (%). */
    static final double ZERO_GAP_PCT = 0.01;

    /** Gap (%) to the best known objective of every valid run, against the instance's total layer count. */
    static JFreeChart gapVsSize(Analysis a) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> by = new LinkedHashMap<>();
        for (String c : a.configs()) by.put(c, new XYSeries(c, false, true));
        for (Analysis.Run r : a.runs()) if (r.hasSolution()) {
            double g = a.gap(r);
            if (Double.isFinite(g)) by.get(r.config()).add(r.layers(), 100 * g);
        }
        by.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createScatterPlot("Gap to best known vs instance size", "layers in the instance (all tasks)",
                "gap to best known (%)", data, PlotOrientation.VERTICAL, true, false, false);
        return style(chart, data.getSeriesCount());
    }

    /**
     * Anytime behaviour: per configuration, the mean primal gap over its runs as time passes. The primal gap
     * of a run at time t is 1 before its first solution, else (z(t) − z*) / max(z(t), z*) with z(t) the
     * incumbent objective and z* the best known (Berthold's primal gap, in [0, 1]). Runs without a valid
     * solution stay at 1.
     */
    static JFreeChart anytime(Analysis a) {
        double tMax = 0;
        for (Analysis.Run r : a.runs()) tMax = Math.max(tMax, Math.max(r.wall(), r.timeLimit()));
        tMax = Math.max(tMax, 0.01);
        double tMin = 1e-3;
        int steps = 80;
        double[] grid = new double[steps + 1];
        for (int i = 0; i <= steps; i++) grid[i] = tMin * Math.pow(tMax / tMin, (double) i / steps);
        Map<String, double[]> sum = new LinkedHashMap<>();
        Map<String, Integer> count = new LinkedHashMap<>();
        for (String c : a.configs()) { sum.put(c, new double[grid.length]); count.put(c, 0); }
        for (Analysis.Run r : a.runs()) {
            Double best = a.bestKnown(r.instance());
            double[] s = sum.get(r.config());
            count.merge(r.config(), 1, Integer::sum);
            List<double[]> trace = r.hasSolution() ? Traces.read(r) : List.of();
            for (int i = 0; i < grid.length; i++) {
                Double inc = null;
                for (double[] p : trace) if (p[0] <= grid[i] && !Double.isNaN(p[1])) inc = inc == null ? p[1] : Math.min(inc, p[1]);
                double g = 1;
                if (inc != null && best != null) g = Math.max(inc, best) <= 0 ? 0 : Math.min(1, Math.max(0, (inc - best) / Math.max(inc, best)));
                s[i] += g;
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (String c : a.configs()) {
            XYSeries xs = new XYSeries(c, true, false);
            int n = count.get(c);
            for (int i = 0; i < grid.length; i++) xs.add(grid[i], n == 0 ? 100 : 100 * sum.get(c)[i] / n);
            data.addSeries(xs);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Anytime: mean primal gap over time", "time (s)", "mean primal gap (%)",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis x = logAxis("time (s)");
        x.setRange(tMin, tMax);
        x.setSmallestValue(tMin);
        plot.setDomainAxis(x);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 102);
        plot.setRenderer(new XYStepRenderer());
        return style(chart, data.getSeriesCount());
    }

    /** Runtime scaling: median wall time of the valid runs per configuration against the task count. */
    static JFreeChart scaling(Analysis a) {
        Map<String, TreeMap<Integer, List<Double>>> by = new LinkedHashMap<>();
        for (String c : a.configs()) by.put(c, new TreeMap<>());
        for (Analysis.Run r : a.runs())
            if (r.hasSolution()) by.get(r.config()).computeIfAbsent(r.tasks(), k -> new ArrayList<>()).add(Math.max(r.wall(), 1e-4));
        XYSeriesCollection data = new XYSeriesCollection();
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (Map.Entry<String, TreeMap<Integer, List<Double>>> e : by.entrySet()) {
            XYSeries s = new XYSeries(e.getKey());
            for (Map.Entry<Integer, List<Double>> p : e.getValue().entrySet()) {
                double[] v = p.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                double med = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
                s.add(p.getKey().doubleValue(), med);
                lo = Math.min(lo, med);
                hi = Math.max(hi, med);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Runtime scaling", "tasks in the instance", "median wall time (s)",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        LogAxis y = logAxis("median wall time (s)");
        y.setSmallestValue(1e-4);
        if (hi > 0) y.setRange(Math.max(1e-4, lo / 2), hi * 2);
        plot.setRangeAxis(y);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(r);
        return style(chart, data.getSeriesCount());
    }

    /** A base-10 log axis labelled with plain numbers (1.5, 2, 10) rather than powers (10^0.2). */
    private static LogAxis logAxis(String label) {
        LogAxis a = new LogAxis(label);
        a.setBase(10);
        a.setNumberFormatOverride(new ThreeDigits());
        return a;
    }

    /** Tick labels with three significant digits (3.16, 1.12, 0.00316): log ticks fall on fractional powers of ten. */
    private static final class ThreeDigits extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            return to.append(TableWriters.significant(v, 3));
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) { return to.append(v); }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) { throw new UnsupportedOperationException("axis labels are formatted, never parsed"); }
    }

    /** Package-private: the simulation report's charts ({@link SimulationPlots}) share the look. */
    static JFreeChart style(JFreeChart chart, int series) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        var r = plot.getRenderer();
        for (int i = 0; i < series; i++) {
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesStroke(i, new BasicStroke(i < PALETTE.length ? 2f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                    1f, i < PALETTE.length ? null : new float[]{6f, 4f}, 0f));
        }
        return chart;
    }

    /** Numbers the charts of this process: ids unique within one HTML page, and the same on every regeneration. */
    private static final java.util.concurrent.atomic.AtomicLong CHART_NUMBER = new java.util.concurrent.atomic.AtomicLong();

    static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(W, H);
        // JFreeSVG's default prefix for clip-path ids is a timestamp, which rewrote every SVG on every rebuild.
        g.setDefsKeyPrefix("c" + CHART_NUMBER.incrementAndGet() + "_");
        chart.draw(g, new Rectangle(0, 0, W, H));
        return g.getSVGElement();
    }

}
