package io.edgesplit.api;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Transfer;

import java.util.Arrays;
import java.util.Locale;

/**
 * Draws a schedule as text for a terminal or a notebook: one character per {@code span / width} ticks. A cell
 * shows the task that uses the node in most of it, so very short layers may not show; the SVG chart
 * ({@code ./edgesplit gantt}) draws every bar.
 */
final class TextGantt {
    private TextGantt() {}

    static String draw(CompiledInstance ci, Solution s, int width) {
        if (width < 10) throw new IllegalArgumentException("width: expected at least 10 characters, got " + width);
        Schedule sch = Schedule.fromSolution(ci, s);
        long span = 1;
        for (int t = 0; t < ci.taskCount(); t++) span = Math.max(span, sch.completion(ci, t));
        int nodes = ci.nodeCount();
        long[][] compute = new long[nodes][width * 2]; // per cell: best coverage and its task, packed below
        long[][] ingress = new long[nodes][width * 2];
        for (int t = 0; t < ci.taskCount(); t++) {
            for (int l = 0; l < ci.layerCount(t); l++)
                paint(compute[sch.node(t, l)], t, sch.start(t, l), sch.end(ci, t, l), span, width);
            for (Transfer tr : sch.transfers(t)) {
                long d = ci.transferAt(ci.tensorBytes(t, tr.tensor()), tr.from(), tr.to(), tr.start());
                paint(ingress[tr.to()], t, tr.start(), tr.start() + d, span, width);
            }
        }
        int label = 8;
        for (int n = 0; n < nodes; n++) label = Math.max(label, ci.nodeName(n).length() + 3);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + label + "s0%s%.6f s%n", "", " ".repeat(Math.max(1, width - 10)), ci.seconds(span)));
        for (int n = 0; n < nodes; n++) {
            sb.append(String.format(Locale.ROOT, "%-" + label + "s|%s|%n", ci.nodeName(n), row(compute[n], width)));
            sb.append(String.format(Locale.ROOT, "%-" + label + "s|%s|%n", "  in", row(ingress[n], width)));
        }
        sb.append("tasks:");
        for (int t = 0; t < ci.taskCount(); t++) sb.append(' ').append(letter(t)).append('=').append(ci.taskName(t));
        return sb.append(System.lineSeparator()).toString();
    }

    /** Marks cells [start, end) with task t where t covers more of the cell than what is there. */
    private static void paint(long[] cells, int t, long start, long end, long span, int width) {
        if (end <= start) return;
        double per = (double) span / width;
        int from = (int) Math.min(width - 1, Math.floor(start / per));
        int to = (int) Math.min(width - 1, Math.floor((end - 1) / per));
        for (int c = from; c <= to; c++) {
            double lo = Math.max(start, c * per), hi = Math.min(end, (c + 1) * per);
            long cover = Math.round((hi - lo) * 1000);
            if (cover > cells[2 * c]) {
                cells[2 * c] = cover;
                cells[2 * c + 1] = t + 1;
            }
        }
    }

    private static String row(long[] cells, int width) {
        char[] r = new char[width];
        Arrays.fill(r, '.');
        for (int c = 0; c < width; c++) if (cells[2 * c + 1] > 0) r[c] = letter((int) cells[2 * c + 1] - 1);
        return new String(r);
    }

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    static char letter(int t) { return t < LETTERS.length() ? LETTERS.charAt(t) : '#'; }
}
