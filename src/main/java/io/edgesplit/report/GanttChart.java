package io.edgesplit.report;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a schedule as an SVG Gantt chart: per node one lane for compute (its layers) and one for ingress
 * (the transfers it receives), bars coloured by task, a time axis in seconds and a legend of tasks. Each bar
 * has a tooltip (task, layer or tensor, nodes, start and end). A node's busy time before {@code availableAt}
 * is hatched. Drawn by hand rather than with a chart library: lanes, bars and labels are all it needs, and
 * the output stays small and crisp with tens of tasks.
 */
public final class GanttChart {
    private GanttChart() {}

    static final int LABEL_W = 170, PLOT_W = 1000, LANE_H = 20, LANE_GAP = 4, NODE_GAP = 10, TOP = 44, RIGHT = 30;

    /** Writes the SVG of {@code solution} (which must have a schedule) to {@code out}. */
    public static void writeSvg(CompiledInstance ci, Solution solution, Path out) throws IOException {
        io.edgesplit.io.Json.writeAtomically(out, document(ci, solution));
    }

    /** The SVG file's content: the chart with its XML declaration. */
    public static String document(CompiledInstance ci, Solution solution) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(ci, solution);
    }

    /** One bar: lane 2n is node n's compute, 2n+1 its ingress; times in ticks; label and tooltip text. */
    public record Bar(int lane, long start, long end, int task, String label, String tip) {}

    /** The bars of a schedule and the time (ticks) the chart must reach, for any renderer (SVG here, PDF for LaTeX). */
    public record Layout(List<Bar> bars, long horizon) {}

    /** The bars of {@code solution} (which must have a schedule). */
    public static Layout layout(CompiledInstance ci, Solution solution) {
        if (!solution.status().hasSchedule())
            throw new IllegalArgumentException("a " + solution.status() + " answer has no schedule to draw");
        Schedule s = Schedule.fromSolution(ci, solution);
        int nodes = ci.nodeCount(), tasks = ci.taskCount();
        List<Bar> bars = new ArrayList<>();
        long horizon = 1;
        for (int n = 0; n < nodes; n++) horizon = Math.max(horizon, ci.availableAt(n));
        for (int t = 0; t < tasks; t++) {
            for (int l = 0; l < ci.layerCount(t); l++) {
                int n = s.node(t, l);
                long st = s.start(t, l), en = s.end(ci, t, l);
                horizon = Math.max(horizon, en);
                if (en > st) bars.add(new Bar(2 * n, st, en, t, ci.layerName(t, l), String.format(Locale.ROOT, "%s / %s on %s: %s–%s s",
                        ci.taskName(t), ci.layerName(t, l), ci.nodeName(n), sec(ci, st), sec(ci, en))));
            }
            for (Transfer tr : s.transfers(t)) {
                long en = tr.start() + ci.transferAt(ci.tensorBytes(t, tr.tensor()), tr.from(), tr.to(), tr.start());
                horizon = Math.max(horizon, en);
                String tensor = tr.tensor() == Transfer.INPUT ? "input" : ci.layerName(t, tr.tensor());
                if (en > tr.start()) bars.add(new Bar(2 * tr.to() + 1, tr.start(), en, t, tensor, String.format(Locale.ROOT,
                        "%s / %s: %s → %s, %s–%s s", ci.taskName(t), tensor, ci.nodeName(tr.from()), ci.nodeName(tr.to()),
                        sec(ci, tr.start()), sec(ci, en))));
            }
        }
        return new Layout(List.copyOf(bars), horizon);
    }

    /** The chart as one {@code <svg>} element (for inlining in HTML). */
    public static String svg(CompiledInstance ci, Solution solution) {
        Layout lay = layout(ci, solution);
        List<Bar> bars = lay.bars();
        long horizon = lay.horizon();
        int nodes = ci.nodeCount(), tasks = ci.taskCount();
        double horizonS = ci.seconds(horizon);
        double step = niceStep(horizonS / 10);
        double axisEnd = Math.ceil(horizonS / step - 1e-9) * step;
        if (axisEnd <= 0) axisEnd = horizonS > 0 ? horizonS : 1;
        double scale = PLOT_W / axisEnd; // pixels per second

        int[] laneY = new int[2 * nodes];
        int y = TOP;
        for (int n = 0; n < nodes; n++) {
            laneY[2 * n] = y;
            laneY[2 * n + 1] = y + LANE_H + LANE_GAP;
            y += 2 * LANE_H + LANE_GAP + NODE_GAP;
        }
        int axisY = y;
        int legendCols = Math.max(1, (LABEL_W + PLOT_W) / 130);
        int legendRows = (tasks + legendCols - 1) / legendCols;
        int legendY = axisY + 46;
        int width = LABEL_W + PLOT_W + RIGHT, height = legendY + legendRows * 18 + 12;

        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"11\">%n", width, height, width, height));
        sb.append("<defs><pattern id=\"busy\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<rect width=\"6\" height=\"6\" fill=\"#f2f2f2\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#bbb\" stroke-width=\"2\"/></pattern></defs>\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n", 8,
                esc(solution.instance() + " — " + solution.solver() + ", " + ci.objective().json() + " "
                        + (solution.objective() == null ? "" : String.format(Locale.ROOT, "%.6g s", solution.objective())))));
        // grid and axis
        for (double tick = 0; tick <= axisEnd + step / 2; tick += step) {
            double x = LABEL_W + tick * scale;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>%n", x, TOP - 4, x, axisY));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, axisY + 16, tickLabel(tick, step)));
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n", LABEL_W, axisY, LABEL_W + PLOT_W, axisY));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">time (s)</text>%n", LABEL_W + PLOT_W / 2, axisY + 34));
        // lanes
        for (int n = 0; n < nodes; n++) {
            for (int k = 0; k < 2; k++) {
                int ly = laneY[2 * n + k];
                sb.append(String.format(Locale.ROOT, "<g class=\"lane\" data-node=\"%s\" data-kind=\"%s\">", esc(ci.nodeName(n)), k == 0 ? "compute" : "ingress"));
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>",
                        LABEL_W, ly, PLOT_W, LANE_H, k == 0 ? "#fafafa" : "#f4f7fb"));
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>%s</text></g>%n", LABEL_W - 8,
                        ly + LANE_H - 6, k == 0 ? " font-weight=\"bold\"" : " fill=\"#555\"",
                        esc(ci.nodeName(n) + (k == 0 ? " compute" : " ingress"))));
            }
            if (ci.availableAt(n) > 0)
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"url(#busy)\"><title>%s busy until %s s (availableAt)</title></rect>%n",
                        LABEL_W, laneY[2 * n], ci.seconds(ci.availableAt(n)) * scale, LANE_H, esc(ci.nodeName(n)), sec(ci, ci.availableAt(n))));
        }
        // bars
        for (Bar b : bars) {
            double x = LABEL_W + ci.seconds(b.start()) * scale, w = Math.max(0.8, ci.seconds(b.end() - b.start()) * scale);
            int ly = laneY[b.lane()];
            String fill = colour(b.task(), tasks);
            sb.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\" stroke=\"white\" stroke-width=\"0.6\"%s><title>%s</title></rect>%n",
                    x, ly + 1, w, LANE_H - 2, fill, b.lane() % 2 == 1 ? " fill-opacity=\"0.75\"" : "", esc(b.tip())));
            if (w > b.label().length() * 6.2 + 6)
                sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\" font-size=\"10\" pointer-events=\"none\">%s</text>%n",
                        x + w / 2, ly + LANE_H - 6, textColour(b.task(), tasks), esc(b.label())));
        }
        // legend
        for (int t = 0; t < tasks; t++) {
            int col = t % legendCols, row = t / legendCols;
            int lx = 8 + col * 130, ly = legendY + row * 18;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    lx, ly, colour(t, tasks), lx + 17, ly + 10, esc(ci.taskName(t))));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String sec(CompiledInstance ci, long ticks) { return String.format(Locale.ROOT, "%.6g", ci.seconds(ticks)); }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    public static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) if (m * p >= raw * (1 - 1e-9)) return m * p;
        return 10 * p;
    }

    private static String tickLabel(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The palette of the plots for up to 12 tasks; beyond, hues spread by the golden angle. */
    public static String colour(int task, int tasks) {
        if (tasks <= Plots.PALETTE.length && task < Plots.PALETTE.length) {
            java.awt.Color c = Plots.PALETTE[task];
            return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
        double hue = (task * 137.508) % 360;
        double light = 0.42 + 0.14 * (task % 3);
        return hsl(hue, 0.62, light);
    }

    private static String textColour(int task, int tasks) {
        String c = colour(task, tasks);
        int r = Integer.parseInt(c.substring(1, 3), 16), g = Integer.parseInt(c.substring(3, 5), 16), b = Integer.parseInt(c.substring(5, 7), 16);
        return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#111" : "#fff";
    }

    private static String hsl(double h, double s, double l) {
        double c = (1 - Math.abs(2 * l - 1)) * s, x = c * (1 - Math.abs((h / 60) % 2 - 1)), m = l - c / 2;
        double r, g, b;
        if (h < 60) { r = c; g = x; b = 0; } else if (h < 120) { r = x; g = c; b = 0; } else if (h < 180) { r = 0; g = c; b = x; }
        else if (h < 240) { r = 0; g = x; b = c; } else if (h < 300) { r = x; g = 0; b = c; } else { r = c; g = 0; b = x; }
        return String.format("#%02x%02x%02x", Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255));
    }

    static String esc(String s) { return TableWriters.esc(s); }
}
