package io.edgesplit.dynamic;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.Transfer;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * The one adapter that makes any registered backend a policy (docs/dynamic.md §3): it builds the residual
 * instance, gives the backend the per-decision budget and (where it can use one) a warm start from the previous
 * plan, checks the plan with the validator, and shifts it to absolute ticks. A backend that finds no plan, or
 * an invalid one, fails the simulation with a message naming the decision.
 */
final class BackendPlanner implements Engine.Planner {
    private final Solver solver;
    private final PolicyConfig policy;
    private final Instance topology;
    private final CompiledInstance world;
    private final long seed;
    private final String scenario;
    private final Residual residual;
    private final int[][] previous; // per request, the placement of its last plan (warm starts)
    private final List<Double> decisionSeconds = new ArrayList<>();
    private int cut, fallbacks;
    long buildNanos, solveNanos, checkNanos; // where decision time goes (docs/performance.md)
    private long plannedTasks;

    BackendPlanner(Solver solver, PolicyConfig policy, Instance topology, CompiledInstance world, long seed, String scenario) {
        this.solver = solver;
        this.policy = policy;
        this.topology = topology;
        this.world = world;
        this.seed = seed;
        this.scenario = scenario;
        this.previous = new int[world.taskCount()][];
        this.residual = new Residual(topology, world);
    }

    @Override
    public Engine.Plan plan(int[] requests, long now, long[] predictedFree, long epoch) {
        long t0 = System.nanoTime();
        String name = scenario + "@" + now;
        CompiledInstance ci = residual.compile(requests, now, predictedFree, name);
        buildNanos += System.nanoTime() - t0;
        // The previous plan is list-scheduled only when it is used: as the warm start, or as the fallback.
        Schedule warm = policy.warmStart() && anyPlannedBefore(requests) ? previousPlan(ci, requests) : null;
        SolveOptions options = new SolveOptions(policy.budgetSeconds(), seed + epoch, 1, warm, policy.params(), false);
        long s0 = System.nanoTime();
        SolveResult r;
        try {
            r = solver.solve(ci, options);
        } catch (RuntimeException e) {
            throw new SimulationException(where(now) + policy.backend() + " failed: " + e.getMessage(), e);
        }
        if ((System.nanoTime() - s0) / 1e9 >= 0.95 * policy.budgetSeconds()) cut++;
        Schedule s;
        if (r.status().hasSchedule()) s = r.schedule();
        else if ((s = warm != null ? warm : previousPlan(ci, requests)) != null) {
            fallbacks++; // keep what was planned; new requests stay on their devices until the next decision
        } else
            throw new SimulationException(where(now) + policy.backend() + " found no plan within " + policy.budgetSeconds()
                    + " s (" + r.status() + (r.message() == null ? "" : ": " + r.message()) + "), and no request can run wholly on its"
                    + " device to fall back on; give the policy a larger budgetSeconds");
        long v0 = System.nanoTime();
        solveNanos += v0 - s0;
        ValidationReport check = Validator.validate(ci, s.toSolution(ci, solver.name(), Status.FEASIBLE, null, null));
        if (!check.valid())
            throw new SimulationException(where(now) + policy.backend() + " returned an invalid plan: " + check.violations().get(0));
        checkNanos += System.nanoTime() - v0;
        int k = requests.length;
        int[][] placement = new int[k][];
        long[][] starts = new long[k][];
        List<List<Transfer>> transfers = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            placement[i] = s.placement(i);
            previous[requests[i]] = placement[i];
            starts[i] = new long[placement[i].length];
            for (int l = 0; l < starts[i].length; l++) starts[i][l] = now + s.start(i, l);
            List<Transfer> tr = new ArrayList<>();
            for (Transfer t : s.transfers(i)) tr.add(new Transfer(t.tensor(), t.from(), t.to(), now + t.start()));
            transfers.add(tr);
        }
        plannedTasks += k;
        decisionSeconds.add((System.nanoTime() - t0) / 1e9);
        return new Engine.Plan(placement, starts, transfers);
    }

    private String where(long now) {
        return "decision at t = " + world.seconds(now) + " s (" + scenario + ", policy " + policy.name() + "): ";
    }

    private boolean anyPlannedBefore(int[] requests) {
        for (int r : requests) if (previous[r] != null) return true;
        return false;
    }

    /**
     * The previous plan's placements for requests planned before, each new one wholly on its origin, list-scheduled
     * on the residual instance: the warm start, and the fallback when the backend finds nothing in its budget; null
     * when some layer cannot run where this puts it.
     */
    private Schedule previousPlan(CompiledInstance ci, int[] requests) {
        int[][] placement = new int[requests.length][];
        for (int i = 0; i < requests.length; i++) {
            if (previous[requests[i]] != null) placement[i] = previous[requests[i]];
            else {
                placement[i] = new int[ci.layerCount(i)];
                java.util.Arrays.fill(placement[i], ci.origin(i));
            }
        }
        try {
            return ScheduleBuilder.build(ci, placement);
        } catch (IllegalArgumentException e) {
            return null; // some layer cannot run where the warm start puts it: plan without one
        }
    }

    DecisionStats stats() {
        double[] d = decisionSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (d.length == 0) return new DecisionStats(0, 0, 0, 0, 0, 0, 0);
        double mean = java.util.Arrays.stream(d).average().orElse(0);
        return new DecisionStats(d.length, mean, d[d.length - 1], LatencyStats.rank(d, 0.99), cut, plannedTasks, fallbacks);
    }
}
