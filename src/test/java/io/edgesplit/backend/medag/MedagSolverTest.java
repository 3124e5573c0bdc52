package io.edgesplit.backend.medag;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.decoupled.DecoupledSolver;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedagSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new MedagSolver(); }

    /** Seeded single-task instances whose model is a chain, in every mode. */
    static List<Instance> singleChainTasks(int count, long seedBase) {
        List<Instance> out = new ArrayList<>();
        Random modes = new Random(seedBase);
        for (long seed = seedBase; out.size() < count; seed++) {
            Instance in = TinyInstances.random(seed, 1, 5, 3 + (int) (seed % 2));
            if (!isChain(in.compile(), 0)) continue;
            out.add(in.withGranularity(Granularity.values()[modes.nextInt(2)])
                    .withContention(Contention.values()[modes.nextInt(2)])
                    .withObjective(Objective.values()[modes.nextInt(2)]));
        }
        return out;
    }

    static boolean isChain(CompiledInstance ci, int t) {
        for (int l = 0; l < ci.layerCount(t); l++) {
            int[] p = ci.preds(t, l);
            if (l == 0 ? p.length != 0 : p.length != 1 || p[0] != l - 1) return false;
        }
        return true;
    }

    static Outcome solve(Solver s, Instance in, SolveOptions o) {
        Outcome out = CheckedSolve.run(s, in.compile(), o);
        assertTrue(out.valid(), () -> s.name() + " on " + in.name() + ": " + out.report().summary());
        assertTrue(out.solution().status().hasSchedule(), () -> s.name() + " on " + in.name() + ": " + out.solution().message());
        return out;
    }

    @Test
    void onASingleChainTaskTheObjectiveEqualsTheBruteForceOptimum() {
        int compared = 0;
        for (Instance in : singleChainTasks(40, 7000)) {
            Outcome exact = solve(new BruteForceSolver(), in, SolveOptions.defaults().withTimeLimit(30));
            assertEquals(Status.OPTIMAL, exact.solution().status(), in.name());
            Outcome medag = solve(solver(), in, SolveOptions.defaults());
            assertEquals(exact.report().objectiveTicks(), medag.report().objectiveTicks(), 1e-9,
                    () -> in.name() + " " + in.granularity() + "/" + in.contention() + "/" + in.objective());
            compared++;
        }
        assertEquals(40, compared);
    }

    @Test
    void neverWorseThanItsStartingPlan() {
        // The literal start (every task's own best path, prescheduled) is decoupled's answer; the default
        // start is the better of that and the greedy queue-aware plan; remapping only ever improves on it.
        int remapImproved = 0, greedyHelped = 0;
        for (int i = 0; i < 40; i++) {
            Instance in = TinyInstances.random(8000 + i, 3 + i % 8, 6, 5)
                    .withContention(Contention.values()[i % 2]).withObjective(Objective.values()[(i / 2) % 2])
                    .withGranularity(Granularity.values()[(i / 4) % 2]);
            double own = solve(new DecoupledSolver(), in, SolveOptions.defaults()).report().objectiveTicks();
            double literal = objective(in, literal(Map.of("maxPasses", 0)));
            assertEquals(own, literal, 1e-9, "the literal reading with no remapping pass is the own-best-path plan, prescheduled");
            double start = objective(in, Map.of("maxPasses", 0));
            assertTrue(start <= own + 1e-9, "the start is the better of the two");
            double end = objective(in, Map.of());
            assertTrue(end <= start + 1e-9, () -> in.name() + ": " + end + " > start " + start);
            double endLiteral = objective(in, literal(Map.of()));
            assertTrue(endLiteral <= own + 1e-9, () -> in.name() + ": " + endLiteral + " > own-best start " + own);
            if (endLiteral < own - 1e-9) remapImproved++;
            if (start < own - 1e-9) greedyHelped++;
        }
        // Remapping must actually do something on contended instances, or this test would prove nothing.
        assertTrue(remapImproved >= 5, "remapping improved only " + remapImproved + " of 40 instances");
        assertTrue(greedyHelped >= 1, "the greedy start never helped");
    }

    /** The literal reading's parameters (solvers/medag-literal.json) plus {@code extra}. */
    static Map<String, Object> literal(Map<String, Object> extra) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of("greedyStart", false, "prune", false, "tieBreak", false,
                "evaluator", "preschedule", "startEstimate", "gaps", "budgetAware", false));
        m.putAll(extra);
        return m;
    }

    private double objective(Instance in, Map<String, Object> params) {
        return solve(solver(), in, SolveOptions.defaults().withParams(params)).report().objectiveTicks();
    }

    @Test
    void aBetterWarmStartIsKeptAndNeverMadeWorse() {
        for (int i = 0; i < 10; i++) {
            Instance in = TinyInstances.random(8100 + i, 6, 6, 5);
            Outcome exact = solve(new MedagSolver(), in, SolveOptions.defaults());
            var warm = io.edgesplit.solution.Schedule.fromSolution(in.compile(), exact.solution());
            Outcome again = solve(solver(), in, SolveOptions.defaults().withWarmStart(warm).withParams(Map.of("maxPasses", 0)));
            assertTrue(again.report().objectiveTicks() <= exact.report().objectiveTicks() + 1e-9);
        }
    }

    @Test
    void sameSeedSameAnswerOnLargerInstancesToo() {
        for (int i = 0; i < 5; i++) {
            Instance in = TinyInstances.random(8200 + i, 20, 8, 8);
            String a = SolutionJson.write(solve(solver(), in, SolveOptions.defaults().withSeed(3)).solution().withWallSeconds(0));
            String b = SolutionJson.write(solve(solver(), in, SolveOptions.defaults().withSeed(3)).solution().withWallSeconds(0));
            assertEquals(a, b);
        }
    }

    @Test
    void stopsAtTheTimeLimitOnALargeInstance() {
        Instance in = TinyInstances.random(77, 400, 20, 40);
        Outcome o = solve(solver(), in, SolveOptions.defaults().withTimeLimit(1.0));
        // The same grace as the contract test: the machine may be shared, the start phase is not interruptible.
        assertTrue(o.solution().wallSeconds() < 1.0 + 3.0, "took " + o.solution().wallSeconds() + " s");
    }
}
