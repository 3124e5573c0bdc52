package io.edgesplit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import io.edgesplit.validate.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a solution against every constraint of the model; print the objective or each violation.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--instance", required = true, paramLabel = "FILE")
    Path instance;
    @Option(names = "--solution", required = true, paramLabel = "FILE")
    Path solution;
    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        CompiledInstance ci = InstanceJson.read(instance).compile();
        Solution s = SolutionJson.read(solution);
        ValidationReport r = Validator.validate(ci, s);
        boolean yes = r.valid() && s.status().hasSchedule();
        if (json) {
            ObjectNode o = Json.object();
            o.put("valid", yes);
            o.put("status", s.status().name());
            if (r.objectiveTicks() != null) {
                o.put("objective", r.objectiveSeconds());
                Json.put(o, "objectiveTicks", r.objectiveTicks());
            }
            ArrayNode vs = o.putArray("violations");
            for (Violation v : r.violations()) {
                ObjectNode j = vs.addObject();
                j.put("kind", v.kind().name());
                if (v.task() != null) j.put("task", v.task());
                if (v.item() != null) j.put("item", v.item());
                j.put("message", v.message());
            }
            System.out.print(Json.pretty(o));
        } else if (!s.status().hasSchedule()) {
            System.out.println("no schedule: status " + s.status() + (s.message() != null ? " (" + s.message() + ")" : ""));
        } else if (r.valid()) {
            System.out.println(String.format(Locale.ROOT, "valid  %s %.6f s (%s ticks)", ci.objective().json(),
                    r.objectiveSeconds(), Format.num(r.objectiveTicks())));
        } else {
            System.out.println("INVALID: " + r.violations().size() + " violation(s)");
            for (Violation v : r.violations()) System.out.println("  " + v);
        }
        return yes ? Main.OK : Main.NO;
    }
}
