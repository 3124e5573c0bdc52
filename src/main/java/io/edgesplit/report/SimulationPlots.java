package io.edgesplit.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The charts of a simulation report (docs/benchmarks.md, "Simulation suites"), drawn like the offline report's
 * ({@link Plots}): the latency CDF of each scenario, and its latency over time under the realised load.
 */
public final class SimulationPlots {
    private SimulationPlots() {}

    /**
     * The empirical CDF of request latency, one step line per policy, over the requests of all its valid runs
     * of the scenario (every seed): at latency x, the share of requests served within x.
     */
    public static JFreeChart cdf(String scenario, Map<String, double[]> latencies) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, double[]> e : latencies.entrySet()) data.addSeries(cdfSeries(e.getKey(), e.getValue()));
        JFreeChart chart = ChartFactory.createXYLineChart("Latency CDF: " + scenario, "request latency (s)", "share of requests served within",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYStepRenderer());
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        return Plots.style(chart, data.getSeriesCount());
    }

    /** Points drawn per series at most, so plots of large runs stay small files. */
    static final int MAX_POINTS = 500;

    /** The steps of an empirical CDF: from (min, 0), up by 1/n at every latency, to (max, 1). */
    static XYSeries cdfSeries(String name, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        XYSeries s = new XYSeries(name, false, true);
        if (v.length == 0) return s;
        s.add(v[0], 0.0);
        // At most MAX_POINTS steps (a 10,000-request run would otherwise write megabytes of SVG): a step at
        // least every 1/MAX_POINTS of the requests, always the last one; exact for small runs.
        int stride = Math.max(1, v.length / MAX_POINTS);
        for (int i = 0; i < v.length; i++) {
            if (i + 1 < v.length && v[i + 1] == v[i]) continue; // ties: one step to the share at or below
            if (i + 1 < v.length && (i + 1) % stride != 0) continue;
            s.add(v[i], (double) (i + 1) / v.length);
        }
        return s;
    }

    /**
     * Latency over time under the load: above, each policy's moving mean latency of requests by release time
     * (trailing window of {@code window} requests; every policy faces the same arrivals, so the windows line up);
     * below, the mean compute factor of the edge and cloud nodes of the realised instance (1 = full speed).
     *
     * @param byPolicy   per policy, (release s, latency s) of each request
     * @param meanFactor (time s, mean factor from then on) steps
     * @param horizon    the last completion (s): the load panel ends there
     */
    public static JFreeChart overTime(String scenario, long seed, Map<String, List<double[]>> byPolicy, List<double[]> meanFactor, double horizon) {
        XYSeriesCollection lat = new XYSeriesCollection();
        for (Map.Entry<String, List<double[]>> e : byPolicy.entrySet()) lat.addSeries(movingMean(e.getKey(), e.getValue(), window(e.getValue().size())));
        XYPlot top = new XYPlot(lat, null, new NumberAxis("moving mean latency (s)"), new XYLineAndShapeRenderer(true, false));
        XYSeriesCollection load = new XYSeriesCollection();
        XYSeries f = new XYSeries("mean compute factor, edge + cloud", false, true);
        // Only while requests are in the system: the realised load goes on after the last completion, which says nothing.
        double last = Double.NaN;
        for (double[] p : meanFactor) {
            if (p[0] > horizon) break;
            f.add(p[0], p[1]);
            last = p[1];
        }
        if (!Double.isNaN(last)) f.add(horizon, last);
        load.addSeries(f);
        NumberAxis factorAxis = new NumberAxis("compute factor");
        factorAxis.setAutoRangeIncludesZero(false);
        XYPlot bottom = new XYPlot(load, null, factorAxis, new XYStepRenderer());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(new NumberAxis("release time (s)"));
        plot.setGap(8);
        plot.add(top, 3);
        plot.add(bottom, 1);
        look(top, lat.getSeriesCount(), 0);
        look(bottom, 1, 6); // black: the load is not a policy
        JFreeChart chart = new JFreeChart("Latency over time under load: " + scenario + " (seed " + seed + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Trailing window of a twentieth of the requests (at least 1): smooth enough to see trends, short enough to see bursts. */
    static int window(int n) { return Math.max(1, (int) Math.round(n / 20.0)); }

    static XYSeries movingMean(String name, List<double[]> points, int window) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        XYSeries s = new XYSeries(name, false, true);
        int stride = Math.max(1, sorted.size() / MAX_POINTS); // the moving mean is computed over all, drawn thinned
        double sum = 0;
        for (int i = 0; i < sorted.size(); i++) {
            sum += sorted.get(i)[1];
            if (i >= window) sum -= sorted.get(i - window)[1];
            if (i % stride == 0 || i == sorted.size() - 1) s.add(sorted.get(i)[0], sum / Math.min(i + 1, window));
        }
        return s;
    }

    /**
     * The mean compute factor of the nodes of the kinds named, as steps: at every time some node's factor
     * changes, the mean over all of them from then on.
     *
     * @param steps per node, its (at s, factor) steps, sorted by time; factor 1 before the first
     */
    public static List<double[]> meanFactor(Map<String, List<double[]>> steps) {
        TreeMap<Double, Double> out = new TreeMap<>();
        if (steps.isEmpty()) return List.of();
        java.util.TreeSet<Double> times = new java.util.TreeSet<>();
        times.add(0.0);
        for (List<double[]> l : steps.values()) for (double[] p : l) times.add(p[0]);
        for (double t : times) {
            double sum = 0;
            for (List<double[]> l : steps.values()) {
                double f = 1;
                for (double[] p : l) if (p[0] <= t) f = p[1];
                sum += f;
            }
            out.put(t, sum / steps.size());
        }
        List<double[]> list = new ArrayList<>();
        out.forEach((t, v) -> list.add(new double[]{t, v}));
        return list;
    }

    private static void look(XYPlot plot, int series, int firstColour) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        for (int i = 0; i < series; i++) {
            plot.getRenderer().setSeriesPaint(i, Plots.PALETTE[(firstColour + i) % Plots.PALETTE.length]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
    }
}
