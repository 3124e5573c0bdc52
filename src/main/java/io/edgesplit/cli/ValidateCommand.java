package io.edgesplit.cli;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.api.Validation;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Solution;
import io.edgesplit.validate.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A thin shell over {@link EdgeSplit#validate}. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a solution against every constraint of the model; print the objective or each violation.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    InstanceOption instance;
    @Option(names = "--solution", required = true, paramLabel = "FILE", description = "a solution file, or what `solve --json` printed")
    Path solution;
    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        Instance in = instance.read();
        Solution s = EdgeSplit.readSolution(solution);
        Validation v = EdgeSplit.validate(in, s);
        if (output.json) {
            System.out.print(v.toJson());
        } else if (!s.status().hasSchedule()) {
            System.out.println("no schedule: status " + s.status() + (s.message() != null ? " (" + s.message() + ")" : ""));
        } else if (v.valid()) {
            System.out.println(String.format(Locale.ROOT, "valid  %s %.6f s (%s ticks)", in.objective().json(),
                    v.objectiveSeconds(), Format.num(v.objectiveTicks())));
        } else {
            System.out.println("INVALID: " + v.violations().size() + " violation(s)");
            for (Violation x : v.violations()) System.out.println("  " + x);
        }
        return v.valid() ? Main.OK : Main.NO;
    }
}
