package io.edgesplit.cli;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.report.GanttChart;
import io.edgesplit.solution.Solution;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "gantt", mixinStandardHelpOptions = true, description = "Draw a schedule as SVG: per node one lane for compute and one for ingress, bars coloured by task.")
public final class GanttCommand implements Callable<Integer> {
    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance JSON")
    Path instance;
    @Option(names = "--solution", required = true, paramLabel = "FILE", description = "solution JSON (with a schedule)")
    Path solution;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "SVG file to write")
    Path out;

    @Override
    public Integer call() throws Exception {
        io.edgesplit.io.OutputGuard.check("--out", out, instance, solution);
        CompiledInstance ci = InstanceJson.read(instance).compile();
        Solution s = SolutionJson.read(solution);
        if (!s.status().hasSchedule())
            throw new InvalidInputException(solution.toString(), "status", "a " + s.status() + " answer has no schedule to draw");
        // Drawing needs names that exist; an invalid schedule is still drawn (that is when one wants to look), with a warning.
        ValidationReport r = Validator.validate(ci, s);
        boolean namesOk = r.violations().stream().noneMatch(v -> v.kind().name().startsWith("UNKNOWN") || v.kind().name().startsWith("MISSING")
                || v.kind() == io.edgesplit.validate.Violation.Kind.INSTANCE_NAME);
        if (!namesOk) throw new InvalidInputException(solution.toString(), "", "the solution does not match the instance: " + r.violations().get(0));
        if (!r.valid()) System.err.println("warning: the schedule is invalid (" + r.violations().size() + " violation(s), first: " + r.violations().get(0) + "); drawing it anyway");
        GanttChart.writeSvg(ci, s, out);
        System.out.println("wrote " + out);
        return r.valid() ? Main.OK : Main.NO;
    }
}
