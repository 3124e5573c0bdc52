package io.edgesplit.backend.medag;

import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import org.junit.jupiter.api.Nested;

import java.util.Map;

/**
 * Every configuration of the committed ablation (benchmarks/medag-ablation.json) honours the solver
 * contract: valid schedules on every tiny instance, the time limit, the same answer for the same seed.
 */
class MedagAblationContractTest {
    abstract static class Config extends SolverContractTest {
        abstract Map<String, Object> params();

        @Override
        protected Solver solver() { return new MedagSolver(); }

        @Override
        protected SolveOptions options() { return super.options().withParams(params()); }
    }

    @Nested
    class Literal extends Config {
        Map<String, Object> params() { return MedagSolverTest.literal(Map.of()); }
    }

    @Nested
    class NoSequentialStart extends Config {
        Map<String, Object> params() { return Map.of("greedyStart", false); }
    }

    @Nested
    class GapsEstimateInTheStart extends Config {
        Map<String, Object> params() { return Map.of("startEstimate", "gaps"); }
    }

    @Nested
    class PaperPrescheduler extends Config {
        Map<String, Object> params() { return Map.of("evaluator", "preschedule"); }
    }

    @Nested
    class InsertionPrescheduler extends Config {
        Map<String, Object> params() { return Map.of("evaluator", "preschedule-insertion"); }
    }

    @Nested
    class Pruned extends Config {
        Map<String, Object> params() { return Map.of("prune", true); }
    }

    @Nested
    class NoTieBreak extends Config {
        Map<String, Object> params() { return Map.of("tieBreak", false); }
    }

    @Nested
    class OnePathPerRemap extends Config {
        Map<String, Object> params() { return Map.of("k", 1); }
    }

    @Nested
    class NoBudgetRule extends Config {
        Map<String, Object> params() { return Map.of("budgetAware", false); }
    }

    @Nested
    class FewTasksPerPass extends Config {
        Map<String, Object> params() { return Map.of("tasksPerPass", 2); }
    }
}
