package io.edgesplit.solver;

import io.edgesplit.io.SolutionJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Solution;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every backend's test extends: on every tiny instance (all granularity × contention ×
 * objective combinations) it returns a schedule the validator accepts (or refuses the instance clearly),
 * it respects the time limit, and it is deterministic for a seed.
 */
public abstract class SolverContractTest {
    /** The backend under test. */
    protected abstract Solver solver();

    /** Options for the contract runs; override to pass backend parameters or workers. */
    protected SolveOptions options() { return SolveOptions.defaults().withTimeLimit(10); }

    /** Whether the backend may refuse this instance (e.g. {@code local} when the origin is not allowed). */
    protected boolean mayRefuse(CompiledInstance ci) { return false; }

    /** An instance big enough that the time limit matters, for {@link #respectsTheTimeLimit()}. */
    protected Instance largerInstance() { return TinyInstances.random(99, 8, 8, 6); }

    protected static List<Instance> tinyInstances() { return TinyInstances.allCombinations(4, 1000); }

    @TestFactory
    Stream<DynamicTest> everyTinyInstanceGetsAValidSchedule() {
        return tinyInstances().stream().map(in -> DynamicTest.dynamicTest(in.name() + " " + in.granularity().json() + "/"
                + in.contention().json() + "/" + in.objective().json(), () -> {
            CompiledInstance ci = in.compile();
            Outcome o = CheckedSolve.run(solver(), ci, options());
            Solution s = o.solution();
            assertTrue(o.valid(), () -> solver().name() + " returned an invalid schedule on " + in.name() + ": " + o.report().summary());
            if (!s.status().hasSchedule()) {
                if (s.status() == io.edgesplit.solution.Status.ERROR && mayRefuse(ci)) return;
                fail(solver().name() + " found no schedule on " + in.name() + ": " + s.status() + " " + s.message());
            }
        }));
    }

    @Test
    void respectsTheTimeLimit() {
        CompiledInstance ci = largerInstance().compile();
        double limit = 2.0;
        Outcome o = CheckedSolve.run(solver(), ci, options().withTimeLimit(limit));
        assertTrue(o.valid(), () -> o.report().summary());
        double wall = o.solution().wallSeconds();
        // A generous grace: a solver must stop on its own, not merely eventually; model building counts.
        assertTrue(wall <= limit + 3.0, () -> solver().name() + " took " + wall + " s with a " + limit + " s limit");
    }

    @Test
    void sameSeedSameAnswer() {
        List<String> first = new ArrayList<>(), second = new ArrayList<>();
        for (Instance in : tinyInstances().subList(0, 8)) {
            CompiledInstance ci = in.compile();
            first.add(answer(ci));
            second.add(answer(ci));
        }
        assertEquals(first, second);
    }

    private String answer(CompiledInstance ci) {
        Solution s = CheckedSolve.run(solver(), ci, options().withSeed(42)).solution();
        return SolutionJson.write(s.withWallSeconds(0));
    }
}
