package io.edgesplit.backend.medagils;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.medag.MedagSolver;
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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MedagIlsSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new MedagIlsSolver(); }

    static Outcome solve(Solver s, Instance in, SolveOptions o) {
        Outcome out = CheckedSolve.run(s, in.compile(), o);
        assertTrue(out.valid(), () -> s.name() + " on " + in.name() + ": " + out.report().summary());
        assertTrue(out.solution().status().hasSchedule(), () -> s.name() + " on " + in.name() + ": " + out.solution().message());
        return out;
    }

    static Instance contended(long seed, int tasks, int i) {
        return TinyInstances.random(seed, tasks, 5, 4)
                .withContention(Contention.values()[i % 2]).withObjective(Objective.values()[(i / 2) % 2])
                .withGranularity(Granularity.values()[(i / 4) % 2]);
    }

    @Test
    void neverWorseThanMedagsAnswer() {
        int better = 0;
        for (int i = 0; i < 12; i++) {
            Instance in = contended(9300 + i, 4 + i % 5, i);
            double medag = solve(new MedagSolver(), in, SolveOptions.defaults()).report().objectiveTicks();
            double ils = solve(solver(), in, SolveOptions.defaults().withTimeLimit(2).withParams(Map.of("stallIterations", 200))).report().objectiveTicks();
            assertTrue(ils <= medag + 1e-9, () -> in.name() + ": medag-ils " + ils + " > medag " + medag);
            if (ils < medag - 1e-9) better++;
        }
        // The search must actually find something beyond medag on contended instances, or this test proves nothing.
        assertTrue(better >= 2, "medag-ils improved on medag on only " + better + " of 12 instances");
    }

    @Test
    void neverBetterThanTheBruteForceOptimumAndOftenEqualToIt() {
        int equal = 0, n = 0;
        for (int i = 0; i < 10; i++) {
            Instance in = contended(9400 + i, 2 + i % 2, i);
            Outcome exact = CheckedSolve.run(new BruteForceSolver(), in.compile(), SolveOptions.defaults().withTimeLimit(30));
            if (exact.solution().status() != Status.OPTIMAL) continue;
            n++;
            double opt = exact.report().objectiveTicks();
            double ils = solve(solver(), in, SolveOptions.defaults().withTimeLimit(2).withParams(Map.of("stallIterations", 200))).report().objectiveTicks();
            assertTrue(ils >= opt - 1e-9, () -> in.name() + ": medag-ils " + ils + " below the optimum " + opt);
            if (Math.abs(ils - opt) < 1e-9) equal++;
        }
        assertTrue(n >= 5, "brute force proved only " + n + " instances");
        assertTrue(equal >= n - 1, "medag-ils found the optimum on only " + equal + " of " + n);
    }

    @Test
    void unknownOrBadParametersAreRefusedWithTheirName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () ->
                new MedagIlsSolver().solve(TinyInstances.random(1, 2, 3, 3).compile(),
                        SolveOptions.defaults().withParams(Map.of("startShare", 0.0))));
        assertTrue(e.getMessage().contains("params.startShare"), e.getMessage());
        assertEquals("medag-ils", new MedagIlsSolver().name());
    }
}
