package io.edgesplit.dynamic.suite;

import io.edgesplit.dynamic.RequestOutcome;
import io.edgesplit.dynamic.SimulationResult;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import io.edgesplit.validate.Violation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline optimum in hindsight of a run's realised instance (docs/model.md §8): every arrival and every
 * fluctuation known in advance, objective total-latency, solved by the suite's hindsight backend through
 * {@link CheckedSolve} (so it is validated like any answer). It does not depend on the policy (every policy
 * faces the same realisation of a seed), so it is computed once per (scenario, seed) and cached.
 */
public final class Hindsight {
    /** More requests than the suite's {@code maxRequests}: not attempted. */
    public static final String SKIPPED = "SKIPPED";
    /** The backend declined the instance with a reason (e.g. it plans with constant speeds). */
    public static final String UNSUPPORTED = "UNSUPPORTED";
    /** The backend's schedule failed the validator: never used as a reference. */
    public static final String INVALID = "INVALID";

    /**
     * @param status       a solver status (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, ERROR) or SKIPPED, UNSUPPORTED, INVALID
     * @param totalLatency the hindsight schedule's total latency (seconds), when it has a valid one
     * @param bound        the backend's proven lower bound on the optimum (seconds), or null
     * @param message      why there is no number, or null
     */
    public record Result(String status, Double totalLatency, Double bound, String message) {
        public boolean optimal() { return Status.OPTIMAL.name().equals(status) && totalLatency != null; }
    }

    private final SimSuite.HindsightConfig config;
    private final Solver solver;
    private final Map<String, Result> cache = new HashMap<>();

    public Hindsight(SimSuite.HindsightConfig config, Solver solver) {
        this.config = config;
        this.solver = solver;
    }

    /** Seeds the cache with a result read back from sim-runs.csv, so {@code --resume} does not solve it again. */
    public void remember(String scenario, long seed, Result r) { cache.putIfAbsent(key(scenario, seed), r); }

    /** The hindsight of this run's (scenario, seed), solved the first time it is asked for. */
    public Result of(SimulationResult run) {
        return cache.computeIfAbsent(key(run.scenario(), run.seed()), k -> solve(run.realised()));
    }

    private static String key(String scenario, long seed) { return scenario + "|" + seed; }

    Result solve(Instance realised) {
        int n = realised.tasks().size();
        if (n > config.maxRequests())
            return new Result(SKIPPED, null, null, n + " requests > maxRequests " + config.maxRequests());
        CompiledInstance ci = realised.withObjective(Objective.TOTAL_LATENCY).compile();
        Outcome o = CheckedSolve.run(solver, ci, new SolveOptions(config.timeLimitSeconds(), config.seed(), config.workers(), null, Params.EMPTY, false));
        Solution s = o.solution();
        Double bound = s.lowerBoundTicks() == null ? null : ci.seconds(s.lowerBoundTicks().doubleValue());
        String msg = s.message();
        if (s.status() == Status.ERROR && msg != null && msg.startsWith("unsupported: ")) return new Result(UNSUPPORTED, null, null, msg);
        if (!s.status().hasSchedule()) return new Result(s.status().name(), null, bound, msg);
        if (!o.valid()) return new Result(INVALID, null, null, o.report().violations().get(0).toString());
        return new Result(s.status().name(), o.report().objectiveSeconds(), bound, null);
    }

    /**
     * The policy's total latency on the realised instance, Σ weight × (completion − release), measured by the
     * validator on the same total-latency instance the hindsight is solved on, so the ratio compares like with like.
     * Null when the trace cannot be evaluated there.
     */
    public static Double policyTotalLatency(SimulationResult run) {
        Instance in = run.realised();
        if (in.objective() == Objective.TOTAL_LATENCY && run.valid() && run.validation().objectiveSeconds() != null)
            return run.validation().objectiveSeconds();
        // The trace claims the realised instance's own objective: re-checked against total latency, the only
        // complaint may be that claim, and the recomputed objective is the number wanted.
        ValidationReport r = Validator.validate(in.withObjective(Objective.TOTAL_LATENCY).compile(), run.trace());
        boolean onlyClaim = r.violations().stream().allMatch(v -> v.kind() == Violation.Kind.OBJECTIVE_MISMATCH);
        if (onlyClaim && r.objectiveSeconds() != null) return r.objectiveSeconds();
        return weightedLatency(in.tasks(), run.requests());
    }

    /** Σ weight × latency from the per-request outcomes (weight 1 for a request not among the tasks). */
    static Double weightedLatency(List<Task> tasks, List<RequestOutcome> requests) {
        Map<String, Double> w = new HashMap<>();
        for (Task t : tasks) w.put(t.name(), t.weight());
        double sum = 0;
        for (RequestOutcome r : requests) sum += w.getOrDefault(r.request(), 1.0) * r.latency();
        return requests.isEmpty() ? null : sum;
    }

    /** Policy ÷ reference, when both exist and the reference is positive. */
    public static Double ratio(Double policy, Double reference) {
        if (policy == null || reference == null || !(reference > 0)) return null;
        return policy / reference;
    }
}
