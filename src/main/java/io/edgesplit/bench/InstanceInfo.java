package io.edgesplit.bench;

import io.edgesplit.bound.LowerBound;
import io.edgesplit.bound.LowerBounds;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;

import java.nio.file.Path;

/**
 * A suite instance, read and compiled once, with the size figures and the best cheap lower bound
 * (docs/bounds.md, computed once per suite run) that go into every row.
 */
public record InstanceInfo(String name, Path file, String displayFile, CompiledInstance compiled, int tasks, int nodes,
                           int layers, String objectiveKind, Double bestKnownSeconds, LowerBound bound) {
    public static InstanceInfo load(Path file, Path relativeTo) {
        Instance in = InstanceJson.read(file);
        CompiledInstance ci = in.compile();
        String display;
        try {
            display = relativeTo.toAbsolutePath().relativize(file.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            display = file.toString();
        }
        return new InstanceInfo(in.name(), file, display, ci, ci.taskCount(), ci.nodeCount(), ci.totalLayers(),
                ci.objective().json(), in.bestKnown() == null ? null : in.bestKnown().objective(), LowerBounds.compute(ci));
    }
}
