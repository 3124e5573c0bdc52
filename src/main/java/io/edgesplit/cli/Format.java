package io.edgesplit.cli;

import java.util.Locale;

/** Numbers for the terminal (a solve's summary line is {@code io.edgesplit.api.Result#summary()}). */
final class Format {
    private Format() {}

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
