package io.edgesplit.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.Json;
import io.edgesplit.solution.Status;
import io.edgesplit.validate.Violation;

import java.util.List;
import java.util.Optional;

/**
 * The validator's verdict on a solution ({@link EdgeSplit#validate}).
 *
 * @param valid            true when the solution has a schedule and the schedule breaks no constraint
 * @param status           the solution's status
 * @param objectiveSeconds the objective recomputed from the schedule (null without one, or when it is too
 *                         broken to evaluate)
 * @param objectiveTicks   the same in ticks
 * @param violations       every violation found, each naming its constraint, task and item
 * @param message          the solution's note ({@code ERROR}: why), or null
 */
public record Validation(boolean valid, Status status, Double objectiveSeconds, Double objectiveTicks,
                         List<Violation> violations, String message) {
    public Validation {
        violations = List.copyOf(violations);
    }

    public Optional<Double> objective() { return Optional.ofNullable(objectiveSeconds); }

    /** What {@code validate --json} prints. */
    public String toJson() {
        ObjectNode o = Json.object();
        o.put("valid", valid);
        o.put("status", status.name());
        if (objectiveTicks != null) {
            o.put("objective", objectiveSeconds);
            Json.put(o, "objectiveTicks", objectiveTicks);
        }
        ArrayNode vs = o.putArray("violations");
        for (Violation v : violations) {
            ObjectNode j = vs.addObject();
            j.put("kind", v.kind().name());
            if (v.task() != null) j.put("task", v.task());
            if (v.item() != null) j.put("item", v.item());
            j.put("message", v.message());
        }
        return Json.pretty(o);
    }
}
