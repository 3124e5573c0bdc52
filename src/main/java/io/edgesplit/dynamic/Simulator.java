package io.edgesplit.dynamic;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulates a policy on a scenario (docs/dynamic.md): samples the world for the seed, runs the event loop with
 * the policy planning at decision points, and checks the executed trace with the validator as a solution of
 * the realised instance. Deterministic for a seed as long as no decision is cut by its budget
 * ({@link DecisionStats#cutByBudget()}).
 */
public final class Simulator {
    private Simulator() {}

    private static final SolverRegistry REGISTRY = SolverRegistry.load();

    public static SimulationResult run(Scenario scenario, PolicyConfig policy, long seed) {
        return run(scenario, ScenarioSampler.sample(scenario, seed), policy, seed);
    }

    /** Simulates a given realisation (e.g. one read back from a file, or built by hand in a test). */
    public static SimulationResult run(Scenario scenario, Realisation realisation, PolicyConfig policy, long seed) {
        Solver solver = REGISTRY.get(policy.backend());
        policy.params().checkAgainst(solver.name(), solver.parameters());
        long t0 = System.nanoTime();
        String name = scenario.name() + "-s" + seed;
        Instance realised = ScenarioSampler.realisedInstance(scenario, realisation, name);
        CompiledInstance world = realised.compile();
        BackendPlanner planner = new BackendPlanner(solver, policy, scenario.topology(), world, seed, scenario.name());
        Engine engine = new Engine(world, scenario.decisions(), scenario.dispatch(), policy.mode() == PolicyConfig.Mode.REPLAN, planner);
        Schedule executed = engine.run();
        // The realised instance keeps what happened while requests were in the system: steps after the last
        // completion can change no duration of the trace, and would only bloat the file and the hindsight model.
        long lastTick = 0;
        for (int r = 0; r < world.taskCount(); r++) lastTick = Math.max(lastTick, executed.completion(world, r));
        realised = realised.withFluctuations(ScenarioSampler.until(realised.fluctuations(), world.seconds(lastTick)));
        world = realised.compile();
        if (Boolean.getBoolean("edgesplit.simulate.profile"))
            System.err.printf(java.util.Locale.ROOT, "profile: residual build %.2f s, solve %.2f s, plan check %.2f s, total %.2f s%n",
                    planner.buildNanos / 1e9, planner.solveNanos / 1e9, planner.checkNanos / 1e9, (System.nanoTime() - t0) / 1e9);
        double wall = (System.nanoTime() - t0) / 1e9;
        Solution trace = executed.toSolution(world, "simulate:" + policy.name(), Status.FEASIBLE, null, wall);
        ValidationReport report = Validator.validate(world, trace);
        List<RequestOutcome> outcomes = new ArrayList<>(realisation.requests().size());
        for (int r = 0; r < realisation.requests().size(); r++) {
            Realisation.Request q = realisation.requests().get(r);
            outcomes.add(new RequestOutcome(q.name(), q.model(), q.origin(), world.seconds(world.release(r)),
                    world.seconds(executed.completion(world, r)), q.deadline()));
        }
        return new SimulationResult(scenario.name(), policy.name(), seed, realised, trace, report, outcomes, planner.stats(),
                (System.nanoTime() - t0) / 1e9);
    }
}
