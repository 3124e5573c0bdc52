package io.edgesplit.report.latex;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.report.GanttChart;
import io.edgesplit.solution.Solution;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The Gantt chart of a schedule as a one-column PDF (3.5 in wide): per node a compute lane (its layers) and a
 * thinner ingress lane under it (the transfers it receives), bars coloured by task as in the SVG chart
 * ({@link GanttChart}, which computes the bars), a time axis in seconds and a legend of tasks when there are
 * few enough to read. No bar labels: at this width they would be unreadable.
 */
public final class GanttPdf {
    private GanttPdf() {}

    static final double W = PaperFigures.WIDTH_PT, COMPUTE_H = 7, INGRESS_H = 4, NODE_GAP = 3, TOP = 4, RIGHT = 8;
    /** Above this many tasks the legend would take more room than the chart: the caption says colours are tasks. */
    static final int MAX_LEGEND = 24;

    public static byte[] pdf(CompiledInstance ci, Solution solution) {
        GanttChart.Layout lay = GanttChart.layout(ci, solution);
        int nodes = ci.nodeCount(), tasks = ci.taskCount();
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 6), axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 7);
        int longest = 0;
        for (int n = 0; n < nodes; n++) longest = Math.max(longest, ci.nodeName(n).length());
        double labelW = Math.min(80, Math.max(24, longest * 3.4 + 6)), plotW = W - labelW - RIGHT;
        double nodeH = COMPUTE_H + 1 + INGRESS_H + NODE_GAP;
        double axisY = TOP + nodes * nodeH;
        int legendCols = 4, legendRows = tasks <= MAX_LEGEND ? (tasks + legendCols - 1) / legendCols : 0;
        double legendY = axisY + 24, h = legendY + legendRows * 8 + 4;

        double horizonS = ci.seconds(lay.horizon());
        double step = GanttChart.niceStep(horizonS / 6);
        double axisEnd = Math.ceil(horizonS / step - 1e-9) * step;
        if (axisEnd <= 0) axisEnd = horizonS > 0 ? horizonS : 1;
        double scale = plotW / axisEnd;

        PDFDocument doc = new PDFDocument();
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, W, h));
        PDFGraphics2D g = page.getGraphics2D();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, W, h));
        g.setStroke(new BasicStroke(0.4f));
        for (double tick = 0; tick <= axisEnd + step / 2; tick += step) {
            double x = labelW + tick * scale;
            g.setColor(new Color(0xDDDDDD));
            g.draw(new Line2D.Double(x, TOP - 1, x, axisY));
            g.setColor(Color.DARK_GRAY);
            g.setFont(label);
            String t = tickLabel(tick, step);
            g.drawString(t, (float) (x - g.getFontMetrics().stringWidth(t) / 2.0), (float) (axisY + 8));
        }
        g.setColor(Color.DARK_GRAY);
        g.draw(new Line2D.Double(labelW, axisY, labelW + plotW, axisY));
        g.setFont(axisFont);
        g.drawString("time (s)", (float) (labelW + plotW / 2 - g.getFontMetrics().stringWidth("time (s)") / 2.0), (float) (axisY + 18));
        g.setFont(label);
        for (int n = 0; n < nodes; n++) {
            double y = TOP + n * nodeH;
            g.setColor(new Color(0xF4F4F4));
            g.fill(new Rectangle2D.Double(labelW, y, plotW, COMPUTE_H));
            g.setColor(new Color(0xF4F7FB));
            g.fill(new Rectangle2D.Double(labelW, y + COMPUTE_H + 1, plotW, INGRESS_H));
            if (ci.availableAt(n) > 0) {
                g.setColor(new Color(0xCCCCCC));
                g.fill(new Rectangle2D.Double(labelW, y, ci.seconds(ci.availableAt(n)) * scale, COMPUTE_H));
            }
            g.setColor(Color.BLACK);
            String name = ci.nodeName(n);
            g.drawString(name, (float) (labelW - 3 - g.getFontMetrics().stringWidth(name)), (float) (y + COMPUTE_H - 1));
        }
        for (GanttChart.Bar b : lay.bars()) {
            int n = b.lane() / 2;
            boolean ingress = b.lane() % 2 == 1;
            double y = TOP + n * nodeH + (ingress ? COMPUTE_H + 1 : 0);
            double x = labelW + ci.seconds(b.start()) * scale, w = Math.max(0.3, ci.seconds(b.end() - b.start()) * scale);
            Color c = Color.decode(GanttChart.colour(b.task(), tasks));
            g.setColor(ingress ? new Color(c.getRed(), c.getGreen(), c.getBlue(), 190) : c);
            g.fill(new Rectangle2D.Double(x, y, w, ingress ? INGRESS_H : COMPUTE_H));
        }
        for (int t = 0; t < (legendRows > 0 ? tasks : 0); t++) {
            double lx = 4 + (t % legendCols) * ((W - 8) / legendCols), ly = legendY + (t / legendCols) * 8;
            g.setColor(Color.decode(GanttChart.colour(t, tasks)));
            g.fill(new Rectangle2D.Double(lx, ly, 5, 5));
            g.setColor(Color.BLACK);
            String name = ci.taskName(t);
            if (name.length() > 16) name = name.substring(0, 15) + "."; // a legend cell is a quarter column wide
            g.drawString(name, (float) (lx + 7), (float) (ly + 5));
        }
        return PaperFigures.stable(doc.getPDFBytes());
    }

    private static String tickLabel(double v, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
