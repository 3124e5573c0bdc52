package io.edgesplit.model;

/** The one conversion from seconds to integer ticks (docs/model.md §2), shared by every backend and the validator. */
public final class Ticks {
    private Ticks() {}

    /**
     * The longest single duration an instance may contain (2^50 ticks, 35 years at the default 1 µs tick):
     * checked with the JSON path when an instance is read (docs/formats.md, "Numeric ranges").
     */
    public static final long MAX_DURATION = 1L << 50;

    /**
     * The latest time any schedule may use (2^61 ticks): an instance's whole work must fit below it, and a
     * solution starting anything later is refused by the validator, so start + duration never wraps.
     */
    public static final long MAX_TIME = 1L << 61;

    /**
     * {@code q = seconds / timeUnit}; snap q to the nearest integer when within {@code 1e-9 × max(1, |q|)}
     * (so 37 µs written as 3.7e-5 s is 37 ticks, not 38), then round up.
     */
    public static long of(double seconds, double timeUnit) {
        double q = seconds / timeUnit;
        double r = Math.rint(q);
        if (Math.abs(q - r) <= 1e-9 * Math.max(1.0, Math.abs(q))) q = r;
        double c = Math.ceil(q);
        if (c > Long.MAX_VALUE / 4)
            throw new InvalidInputException("", "a duration of " + seconds + " s is " + c
                    + " ticks of " + timeUnit + " s: too large; use a larger timeUnit");
        return (long) c;
    }
}
