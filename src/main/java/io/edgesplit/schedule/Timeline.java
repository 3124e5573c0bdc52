package io.edgesplit.schedule;

import java.util.Map;
import java.util.TreeMap;

/**
 * The busy intervals of one unit-capacity resource (a node's compute or its ingress), with earliest-fit
 * insertion into gaps. Zero-length work occupies nothing (docs/model.md §4).
 */
public final class Timeline {
    private final TreeMap<Long, Long> busy = new TreeMap<>(); // start -> end, disjoint

    /** The earliest start ≥ {@code ready} at which {@code duration} ticks fit without overlapping. */
    public long earliestFit(long ready, long duration) {
        if (duration <= 0) return ready;
        long candidate = ready;
        Map.Entry<Long, Long> before = busy.floorEntry(candidate);
        if (before != null && before.getValue() > candidate) candidate = before.getValue();
        while (true) {
            Map.Entry<Long, Long> next = busy.ceilingEntry(candidate);
            if (next == null || next.getKey() >= candidate + duration) return candidate;
            candidate = Math.max(candidate, next.getValue());
        }
    }

    /**
     * Marks [start, start+duration) busy; the caller got {@code start} from {@link #earliestFit}. Touching
     * intervals are merged into one run, so a search past a long busy run is one step, not one per block.
     */
    public void reserve(long start, long duration) {
        if (duration <= 0) return;
        long s = start, e = start + duration;
        Map.Entry<Long, Long> before = busy.floorEntry(s);
        if (before != null && before.getValue() > s) throw new IllegalStateException("double booking at " + start);
        Map.Entry<Long, Long> after = busy.ceilingEntry(s);
        if (after != null && after.getKey() < e) throw new IllegalStateException("double booking at " + start);
        if (before != null && before.getValue() == s) {
            s = before.getKey();
            busy.remove(s);
        }
        if (after != null && after.getKey() == e) {
            e = after.getValue();
            busy.remove(after.getKey());
        }
        busy.put(s, e);
    }

    /** The end of the last busy interval, or 0. */
    public long lastEnd() { return busy.isEmpty() ? 0 : busy.lastEntry().getValue(); }

    public boolean isEmpty() { return busy.isEmpty(); }
}
