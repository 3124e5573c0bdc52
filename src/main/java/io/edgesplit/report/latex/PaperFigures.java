package io.edgesplit.report.latex;

import io.edgesplit.report.Analysis;
import io.edgesplit.report.Plots;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's charts as vector PDF for pdfLaTeX, sized for one column of a two-column paper (3.5 in wide)
 * with fonts of 7–8 pt at that size, no title (the caption says it). Drawn by JFreePDF from the same
 * JFreeChart objects as the SVG plots. JFreePDF writes the 14 standard PDF fonts (Helvetica) without
 * embedding them; docs/latex.md says how to embed them if a publisher requires it.
 */
public final class PaperFigures {
    private PaperFigures() {}

    /** One column: 3.5 in = 252 pt. */
    static final double WIDTH_PT = 252;

    /** What each chart shows, as a LaTeX caption. */
    static final Map<String, String> CAPTIONS = Map.of(
            "profile-time", "Performance profile on time: share of contests a solver answered within $\\tau$ times the fastest wall time.",
            "profile-quality", "Performance profile on quality: share of contests with an objective within $\\tau$ times the best known.",
            "gap-vs-size", "Gap to the best known objective of every validated run against the instance size (layers over all tasks).",
            "gap-to-bound-vs-size", "Certified gap to the lower bound of every validated run against the instance size (log scale, a gap of 0 drawn at 0.01\\,\\%); crosses: the best known objective.",
            "anytime", "Anytime behaviour: mean primal gap of each solver's incumbent over time.",
            "scaling", "Runtime scaling: median wall time against the number of tasks.");

    /** Every chart of the report as PDF bytes, by file stem. */
    public static Map<String, byte[]> charts(Analysis a) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> e : Plots.charts(a).entrySet()) out.put(e.getKey(), pdf(e.getValue()));
        return out;
    }

    /** The chart restyled for one column and drawn into a one-page PDF as tall as its legend needs. */
    static byte[] pdf(JFreeChart chart) {
        chart.setTitle((String) null);
        XYPlot plot = chart.getXYPlot();
        for (Axis axis : new Axis[]{plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabel(ascii(axis.getLabel()));
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        }
        if (plot.getRangeAxis().getLabel() != null && plot.getRangeAxis().getLabel().startsWith("gap to lower bound"))
            plot.getRangeAxis().setLabel("gap to lower bound (%, log)"); // the caption says where a gap of 0 is drawn
        XYItemRenderer r = plot.getRenderer();
        int series = plot.getDataset().getSeriesCount();
        java.awt.geom.AffineTransform half = java.awt.geom.AffineTransform.getScaleInstance(0.55, 0.55);
        for (int i = 0; i < series; i++) {
            java.awt.Shape shape = r instanceof org.jfree.chart.renderer.AbstractRenderer ar ? ar.lookupSeriesShape(i) : null;
            if (shape != null) r.setSeriesShape(i, half.createTransformedShape(shape)); // markers sized for 620 px, not 252 pt
            BasicStroke s = (BasicStroke) r.getSeriesStroke(i);
            r.setSeriesStroke(i, new BasicStroke(1.1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                    s == null ? null : s.getDashArray() == null ? null : new float[]{3f, 2f}, 0f));
        }
        double legendChars = 0;
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
            for (int i = 0; i < series; i++) legendChars += plot.getDataset().getSeriesKey(i).toString().length() * 3.9 + 22;
        }
        int legendRows = (int) Math.ceil(legendChars / (WIDTH_PT - 12));
        double height = 170 + 10 * legendRows;
        return draw(chart, WIDTH_PT, height);
    }

    static byte[] draw(JFreeChart chart, double w, double h) {
        PDFDocument doc = new PDFDocument();
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, w, h));
        PDFGraphics2D g = page.getGraphics2D();
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        return stable(doc.getPDFBytes());
    }

    /**
     * The PDF without its creation and modification dates, so that the same report gives the same bytes (committed reports diff
     * only where results changed). The date is replaced by a fixed one of the same length: offsets stay valid.
     */
    static byte[] stable(byte[] pdf) {
        String s = new String(pdf, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(CreationDate|ModDate) \\(D:(\\d+)").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, "/" + m.group(1) + " (D:" + ("20000101" + "0".repeat(m.group(2).length())).substring(0, m.group(2).length()));
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Labels in the PDF's standard fonts, which have no Greek: tau, rho. */
    static String ascii(String s) {
        if (s == null) return null;
        return s.replace("ρ", "rho").replace("τ", "tau").replace("−", "-").replace("–", "-").replace("≤", "<=");
    }
}
