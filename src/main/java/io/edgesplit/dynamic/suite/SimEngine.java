package io.edgesplit.dynamic.suite;

import io.edgesplit.dynamic.PolicyConfig;
import io.edgesplit.dynamic.Scenario;
import io.edgesplit.dynamic.SimulationResult;

import java.nio.file.Path;

/**
 * What the runner needs from the dynamic package: read a scenario, resolve a policy, simulate. One seam, so the
 * runner is tested with hand-built {@link SimulationResult}s (a run that throws, a run that hangs) and runs the
 * real {@code Simulator} otherwise ({@link #standard()}).
 *
 * @param scenarios reads a scenario file (strict; errors as InvalidInputException with file and JSON path)
 * @param policies  resolves a policy entry of a suite: a file, or a name looked up in {@code policiesDir}
 * @param simulator runs one simulation; deterministic for a seed when no decision is cut by its budget
 */
public record SimEngine(ScenarioReader scenarios, PolicyResolver policies, Simulation simulator) {
    /** The dynamic package itself: {@code ScenarioJson}, {@code PolicyJson.resolve} and {@code Simulator}. */
    public static SimEngine standard() {
        return new SimEngine(io.edgesplit.dynamic.ScenarioJson::read, io.edgesplit.dynamic.PolicyJson::resolve, io.edgesplit.dynamic.Simulator::run);
    }

    @FunctionalInterface
    public interface ScenarioReader {
        Scenario read(Path file);
    }

    @FunctionalInterface
    public interface PolicyResolver {
        PolicyConfig resolve(String nameOrPath, Path policiesDir);
    }

    @FunctionalInterface
    public interface Simulation {
        SimulationResult run(Scenario scenario, PolicyConfig policy, long seed);
    }
}
