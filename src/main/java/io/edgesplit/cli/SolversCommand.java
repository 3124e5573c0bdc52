package io.edgesplit.cli;

import io.edgesplit.solver.ParamSpec;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "solvers", mixinStandardHelpOptions = true, description = "List the registered backends and their parameters.")
final class SolversCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (Solver s : SolverRegistry.load().all()) {
            System.out.println(s.name() + (s.exact() ? "  (exact)" : "") + "  -  " + s.description());
            for (ParamSpec p : s.parameters())
                System.out.println("    " + p.name() + " (" + (p.choices().isEmpty() ? p.type() : String.join(" | ", p.choices())) + ", default " + p.defaultValue() + "): " + p.description());
        }
        System.out.println("common options: timeLimitSeconds, seed, workers (see docs/formats.md)");
        return Main.OK;
    }
}
