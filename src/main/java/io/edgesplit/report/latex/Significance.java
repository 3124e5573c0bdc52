package io.edgesplit.report.latex;

/**
 * Which differences between two configurations a paired statistical test found significant; an optional
 * input of the paper tables (none by default: the tables then carry no marker). Whatever computes the test
 * (e.g. a Wilcoxon signed-rank test over the instances with a bootstrap interval) implements this and is
 * passed in {@link PaperOptions#significance()}; the tables mark a cell with a dagger when it differs
 * significantly from the reference of its row and say so under the table.
 */
@FunctionalInterface
public interface Significance {
    /**
     * Whether {@code other} differs significantly from {@code reference} over {@code group}: an instance name,
     * a class or family label of the grouped table, or null for all instances (the per-solver summary).
     */
    boolean significant(String group, String reference, String other);

    /** No statistics: no marker anywhere. */
    Significance NONE = (group, reference, other) -> false;
}
