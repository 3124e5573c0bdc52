package io.edgesplit.backend;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.choco.ChocoSolver;
import io.edgesplit.backend.cpsat.CpSatSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Differential test across backends: on seeded random instances where tasks compete for nodes, the three
 * exact backends prove the same optimum, and no backend of any kind ever reports a better objective than a
 * proven optimum.
 */
class ExactBackendsAgreeTest {
    static final SolveOptions EXACT = SolveOptions.defaults().withTimeLimit(30).withWorkers(1);

    static List<Instance> competingTinyInstances() {
        List<Instance> out = new ArrayList<>();
        for (long seed = 0; seed < 24; seed++) {
            Instance in = TinyInstances.random(7000 + seed, 3, 3, 3);
            Instance base = TinyInstances.tiny(7000 + seed); // draws the modes from the seed
            out.add(in.withGranularity(base.granularity()).withContention(base.contention()).withObjective(base.objective()));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> exactBackendsProveTheSameOptimumAndNothingBeatsIt() {
        List<Solver> heuristics = SolverRegistry.load().all().stream().filter(s -> !s.exact()).toList();
        return competingTinyInstances().stream().map(in -> DynamicTest.dynamicTest(in.name() + " " + in.granularity().json()
                + "/" + in.contention().json() + "/" + in.objective().json(), () -> {
            CompiledInstance ci = in.compile();
            Outcome bf = CheckedSolve.run(new BruteForceSolver(), ci, EXACT);
            Outcome cp = CheckedSolve.run(new CpSatSolver(), ci, EXACT);
            Outcome ch = CheckedSolve.run(new ChocoSolver(), ci, EXACT);
            for (Outcome o : List.of(bf, cp, ch)) {
                assertTrue(o.valid(), o.report().summary());
                assertEquals(Status.OPTIMAL, o.solution().status(), o.solution().solver() + ": " + o.solution().message());
            }
            double opt = bf.solution().objectiveTicks();
            assertEquals(opt, cp.solution().objectiveTicks(), "cpsat vs bruteforce");
            assertEquals(opt, ch.solution().objectiveTicks(), "choco vs bruteforce");
            for (Solver h : heuristics) {
                Outcome o = CheckedSolve.run(h, ci, SolveOptions.defaults().withTimeLimit(5));
                assertTrue(o.valid(), h.name() + ": " + o.report().summary());
                if (o.solution().status().hasSchedule())
                    assertTrue(o.solution().objectiveTicks() >= opt - 1e-9,
                            h.name() + " reports " + o.solution().objectiveTicks() + " below the proven optimum " + opt);
            }
        }));
    }
}
