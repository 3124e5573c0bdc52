package io.edgesplit.cli;

import io.edgesplit.api.Backend;
import io.edgesplit.api.EdgeSplit;
import io.edgesplit.solver.ParamSpec;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** A thin shell over {@link EdgeSplit#backends()}. */
@Command(name = "solvers", mixinStandardHelpOptions = true, description = "List the registered backends and their parameters.")
final class SolversCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Backend b : EdgeSplit.backends()) {
            System.out.println(b.name() + (b.exact() ? "  (exact)" : "") + "  -  " + b.description());
            for (ParamSpec p : b.parameters())
                System.out.println("    " + p.name() + " (" + (p.choices().isEmpty() ? p.type() : String.join(" | ", p.choices())) + ", default " + p.defaultValue() + "): " + p.description());
        }
        System.out.println("common options: timeLimitSeconds, seed, workers (see docs/formats.md)");
        return Main.OK;
    }
}
