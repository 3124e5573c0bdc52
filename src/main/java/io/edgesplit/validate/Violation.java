package io.edgesplit.validate;

/**
 * One broken rule of docs/model.md §4 or 2.2.
 *
 * @param task the task involved, or null
 * @param item the layer, transfer ("tensor from->to") or node involved, or null
 */
public record Violation(Kind kind, String task, String item, String message) {

    /** Every kind of violation the validator detects. */
    public enum Kind {
        /** The answer's status and content disagree (e.g. FEASIBLE without tasks, a bound above the objective). */
        STATUS,
        /** The solution names another instance. */
        INSTANCE_NAME,
        UNKNOWN_TASK, DUPLICATE_TASK, MISSING_TASK,
        UNKNOWN_LAYER, DUPLICATE_LAYER, MISSING_LAYER,
        UNKNOWN_NODE,
        /** Constraint 1: a layer on a node the task may not use, or where its profile says it cannot run. */
        INELIGIBLE_NODE,
        NEGATIVE_START,
        /** A start beyond {@code Ticks.MAX_TIME}: its end would overflow a 64-bit tick count. */
        OUT_OF_RANGE,
        /** A transfer that names no tensor of the model. */
        UNKNOWN_TENSOR,
        /** A transfer the placement does not require (docs/model.md §3). */
        UNNEEDED_TRANSFER,
        DUPLICATE_TRANSFER,
        /** A required transfer that is missing. */
        MISSING_TRANSFER,
        /** A transfer whose source is not the node holding the tensor. */
        WRONG_SOURCE,
        /** Constraint 2: a layer starts before a predecessor ends or its tensor arrives. */
        PRECEDENCE,
        /** Constraint 2: a layer reading the model input on the origin starts before release. */
        BEFORE_RELEASE,
        /** Constraint 3: a transfer starts before its producer ends (or before release for the input). */
        TRANSFER_TOO_EARLY,
        /** Constraint 4: a layer starts before its node's availableAt. */
        NODE_NOT_AVAILABLE,
        /** Constraint 4: two layer executions overlap on a node. */
        COMPUTE_OVERLAP,
        /** Constraint 5 (ingress): two transfers into one node overlap. */
        INGRESS_OVERLAP,
        /** Constraint 6 (segment): consecutive layers of a segment do not run back to back. */
        SEGMENT_SPLIT,
        /** Constraint 7: the claimed completionTicks differs from the recomputed C_t. */
        COMPLETION_MISMATCH,
        /** The claimed objective differs from the recomputed one. */
        OBJECTIVE_MISMATCH
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.name());
        if (task != null) sb.append(" task ").append(task);
        if (item != null) sb.append(" [").append(item).append(']');
        return sb.append(": ").append(message).toString();
    }
}
