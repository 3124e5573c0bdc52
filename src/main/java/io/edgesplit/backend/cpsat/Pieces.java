package io.edgesplit.backend.cpsat;

import io.edgesplit.model.CompiledInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * The duration of one option (a layer on a node, or a transfer from p to q) as a step function of its start
 * tick, under fluctuations (docs/model.md §8: the factor in force at the start holds for the whole activity):
 * a start in {@code from[k]..to[k]} (inclusive) lasts {@code dur[k]}. Only the starts in the option's domain
 * count, and neighbouring pieces of equal duration are one piece, so an option that does not fluctuate where it
 * can start is a single piece, which the model treats exactly as on an instance without fluctuations.
 */
record Pieces(long[] from, long[] to, long[] dur) {
    int size() { return dur.length; }

    long min() {
        long m = Long.MAX_VALUE;
        for (long d : dur) m = Math.min(m, d);
        return m;
    }

    long max() {
        long m = 0;
        for (long d : dur) m = Math.max(m, d);
        return m;
    }

    /** The piece a start falls in (the nearest one outside the domain). */
    int pieceOf(long start) {
        int k = 0;
        while (k + 1 < dur.length && start > to[k]) k++;
        return k;
    }

    /** The layer on node n started anywhere in {@code lo..hi}; {@code steps} = {@link CompiledInstance#fluctuationTicks()}. */
    static Pieces ofLayer(CompiledInstance ci, long[] steps, int t, int l, int n, long lo, long hi) {
        return of(s -> ci.procAt(t, l, n, s), steps, lo, hi);
    }

    /** A transfer of {@code bytes} from p to q started anywhere in {@code lo..hi}. */
    static Pieces ofTransfer(CompiledInstance ci, long[] steps, double bytes, int p, int q, long lo, long hi) {
        return of(s -> ci.transferAt(bytes, p, q, s), steps, lo, hi);
    }

    /**
     * The duration only changes at the ticks where some factor does, so it is read once per such tick in the
     * domain (and at {@code lo}). Every step tick of every node is looked at, which is more than this option
     * needs, but the merging of equal neighbours leaves only the option's own changes.
     */
    private static Pieces of(LongUnaryOperator durationAt, long[] steps, long lo, long hi) {
        List<long[]> pieces = new ArrayList<>(); // {from, to, dur}
        pieces.add(new long[]{lo, hi, durationAt.applyAsLong(lo)});
        for (long s : steps) {
            if (s <= lo || s > hi) continue;
            long d = durationAt.applyAsLong(s);
            long[] last = pieces.get(pieces.size() - 1);
            if (d == last[2]) continue;
            last[1] = s - 1;
            pieces.add(new long[]{s, hi, d});
        }
        long[] from = new long[pieces.size()], to = new long[pieces.size()], dur = new long[pieces.size()];
        for (int k = 0; k < from.length; k++) {
            from[k] = pieces.get(k)[0];
            to[k] = pieces.get(k)[1];
            dur[k] = pieces.get(k)[2];
        }
        return new Pieces(from, to, dur);
    }

    /** The longest the option can last, wherever it starts: the horizon's share of it. */
    static long longest(LongUnaryOperator durationAt, long[] steps) {
        long m = durationAt.applyAsLong(0);
        for (long s : steps) m = Math.max(m, durationAt.applyAsLong(s));
        return m;
    }
}
