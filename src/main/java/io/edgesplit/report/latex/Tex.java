package io.edgesplit.report.latex;

import java.util.Locale;

/** TeX escaping and the number formats of the paper tables. */
final class Tex {
    private Tex() {}

    /** Text with TeX's special characters escaped (names of instances and solvers contain '_' and '#' at times). */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '<' -> sb.append("\\textless{}"); // in OT1 text, '<' prints an inverted exclamation mark
                case '>' -> sb.append("\\textgreater{}");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Three significant digits without an exponent, and "<0.001" below a millisecond: what a reader compares. */
    static String seconds(double v) {
        if (v == 0) return "0";
        if (Math.abs(v) < 0.001) return "<0.001";
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** An objective in seconds: four significant digits (ties between solvers are decided on exact values, not these). */
    static String objective(double v) {
        if (v == 0) return "0";
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%." + Math.min(decimals, 6) + "f", v);
    }

    /** A percentage: one decimal below 100, none above (a gap of 150.64 % reads as 151). */
    static String percent(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }
}
