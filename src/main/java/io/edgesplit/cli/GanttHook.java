package io.edgesplit.cli;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;

import java.nio.file.Path;

/** Where `solve --gantt` draws; the report package provides the drawing. */
final class GanttHook {
    private GanttHook() {}

    static void draw(CompiledInstance ci, Solution s, Path out) throws Exception {
        io.edgesplit.report.GanttChart.writeSvg(ci, s, out);
    }
}
