package io.edgesplit.schedule;

/**
 * A unit the schedule builder places at once: a segment (granularity segment) or one layer (granularity
 * layer). Layers {@code first..last} (list order, inclusive) of one task, all on {@code node}.
 */
public record Block(int task, int index, int first, int last, int node) {
    public int size() { return last - first + 1; }
}
