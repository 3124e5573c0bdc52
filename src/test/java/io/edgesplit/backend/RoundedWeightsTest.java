package io.edgesplit.backend;

import io.edgesplit.backend.choco.ChocoSolver;
import io.edgesplit.backend.cpsat.CpSatSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.IntegerWeights;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One weight-scaling rule for the integer backends (IntegerWeights): total-latency weights become integers by
 * the smallest power of ten up to 10^6; beyond that they are rounded and neither cpsat nor choco claims a proof.
 */
class RoundedWeightsTest {

    private static Instance withWeights(Instance in, double w) {
        List<Task> tasks = in.tasks().stream()
                .map(t -> new Task(t.name(), t.model(), t.origin(), t.release(), w, t.allowedNodes())).toList();
        return new Instance(in.name(), in.timeUnit(), Objective.TOTAL_LATENCY, in.granularity(), in.contention(), in.models(),
                in.nodes(), in.network(), in.profiles(), tasks, null);
    }

    @Test
    void weightsWithFewDecimalsScaleExactly() {
        IntegerWeights w = IntegerWeights.of(withWeights(TinyInstances.tiny(3), 0.25).compile());
        assertEquals(100, w.scale());
        assertTrue(w.exact());
        assertEquals(25, w.weight(0));
    }

    @Test
    void weightsThatNeedMoreThanSixDecimalsAreRoundedAndNoBackendClaimsAProof() {
        CompiledInstance ci = withWeights(TinyInstances.tiny(3), 1.0 / 3).compile();
        assertFalse(IntegerWeights.of(ci).exact());
        for (Solver s : List.<Solver>of(new CpSatSolver(), new ChocoSolver())) {
            Outcome o = CheckedSolve.run(s, ci, SolveOptions.defaults().withTimeLimit(5));
            assertTrue(o.valid(), s.name());
            assertEquals(Status.FEASIBLE, o.solution().status(), s.name());
            assertNull(o.solution().lowerBoundTicks(), s.name() + ": a bound for rounded weights bounds nothing");
            assertTrue(o.solution().message() != null && o.solution().message().contains("rounded"), s.name() + ": " + o.solution().message());
        }
    }
}
