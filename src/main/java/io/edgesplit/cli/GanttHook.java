package io.edgesplit.cli;

import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where `solve --gantt` draws; the report package provides the drawing. */
final class GanttHook {
    private GanttHook() {}

    static void draw(CompiledInstance ci, Solution s, Path out) throws Exception {
        io.edgesplit.report.GanttChart.writeSvg(ci, s, out);
    }

    /**
     * Writes the solution ({@code out}) and its chart ({@code gantt}), either may be null, together: both
     * contents are built and both temporary files written before either is renamed into place, so a chart
     * that cannot be drawn or written leaves no solution file behind either.
     */
    static void writeTogether(CompiledInstance ci, Solution s, Path out, Path gantt) throws Exception {
        Map<Path, Json.Body> files = new LinkedHashMap<>();
        if (out != null) files.put(out, w -> SolutionJson.writeTo(s, w));
        if (gantt != null && s.status().hasSchedule()) {
            String svg = io.edgesplit.report.GanttChart.document(ci, s);
            files.put(gantt, w -> w.write(svg));
        }
        if (!files.isEmpty()) Json.writeAllAtomically(files);
    }
}
