package io.edgesplit.backend.neurosurgeon;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load-aware mode of neurosurgeon ({@code loadAware: true}) under the solver contract, and what it adds. */
class NeurosurgeonLoadAwareTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new NeurosurgeonSolver(); }

    @Override
    protected SolveOptions options() { return super.options().withParams(Map.of("loadAware", true)); }

    @Override
    protected boolean mayRefuse(CompiledInstance ci) {
        for (int t = 0; t < ci.taskCount(); t++) if (NeurosurgeonSolverTest.bruteForce(ci, t) == Long.MAX_VALUE) return true;
        return false;
    }

    /** With one task there is no load: the same split as the load-blind choice. */
    @Test
    void onASingleTaskItIsTheLoadBlindChoice() {
        for (long seed = 0; seed < 60; seed++) {
            CompiledInstance ci = TinyInstances.random(seed, 1, 6, 4).compile();
            if (mayRefuse(ci)) continue;
            NeurosurgeonSolver.Split a = NeurosurgeonSolver.chooseSplits(ci)[0], b = NeurosurgeonSolver.chooseSplitsUnderLoad(ci)[0];
            assertEquals(a.isolated(), b.isolated(), ci.name());
        }
    }

    /** Each task's predicted completion under load is what the final first-come-first-served schedule gives it. */
    @Test
    void thePredictionUnderLoadIsTheFinalSchedule() {
        for (long seed = 0; seed < 20; seed++) {
            CompiledInstance ci = TinyInstances.random(700 + seed, 6, 6, 5).compile();
            if (mayRefuse(ci)) continue;
            NeurosurgeonSolver.Split[] splits = NeurosurgeonSolver.chooseSplitsUnderLoad(ci);
            Outcome o = CheckedSolve.run(solver(), ci, options());
            assertTrue(o.valid(), () -> o.report().summary());
            io.edgesplit.solution.Schedule s = io.edgesplit.solution.Schedule.fromSolution(ci, o.solution());
            for (int t = 0; t < ci.taskCount(); t++) assertEquals(splits[t].isolated(), s.completion(ci, t), ci.name() + " task " + t);
        }
    }
}
