package io.edgesplit.model;

/** The one conversion from seconds to integer ticks (docs/model.md §2), shared by every backend and the validator. */
public final class Ticks {
    private Ticks() {}

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
