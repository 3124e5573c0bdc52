package io.edgesplit.backend;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.cpsat.CpSatSolver;
import io.edgesplit.backend.edgeonly.EdgeOnlySolver;
import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.backend.medag.MedagSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** "warmStartFrom": one backend's validated answer is another's warm start, inside one timed run. */
class WarmStartChainTest {
    private static final SolveOptions TEN_SECONDS = SolveOptions.defaults().withTimeLimit(10);

    private static Outcome solve(Solver s, CompiledInstance ci, SolveOptions o) {
        Outcome out = CheckedSolve.run(s, ci, o);
        assertTrue(out.valid(), () -> s.name() + " on " + ci.name() + ": " + out.report().summary());
        return out;
    }

    @Test
    void theChainProvesTheSameOptimumAndItsTraceStartsWithTheFirstBackendsAnswer() {
        for (Instance in : TinyInstances.allCombinations(1, 9300)) {
            CompiledInstance ci = in.compile();
            Outcome first = solve(new MedagSolver(), ci, TEN_SECONDS.withTimeLimit(10 * WarmStartChain.FIRST_SHARE));
            Outcome chained = solve(new WarmStartChain(new MedagSolver(), new BruteForceSolver()), ci, TEN_SECONDS);
            Outcome cold = solve(new BruteForceSolver(), ci, TEN_SECONDS);
            assertEquals(Status.OPTIMAL, chained.solution().status(), in.name());
            assertEquals(cold.solution().objectiveTicks(), chained.solution().objectiveTicks(), 1e-6, in.name());
            assertEquals(first.solution().objectiveTicks(), chained.trace().get(0).objectiveTicks(), 1e-6,
                    "the run had the first backend's schedule first");
            double prev = -1;
            for (var p : chained.trace()) {
                assertTrue(p.seconds() >= prev, "trace times only grow: the second backend's are shifted");
                prev = p.seconds();
            }
        }
    }

    @Test
    void aGivenWarmStartTakesPrecedenceAndTheFirstBackendIsNotRun() {
        AtomicInteger calls = new AtomicInteger();
        Solver counting = fake("counting", (ci, o) -> {
            calls.incrementAndGet();
            return new MedagSolver().solve(ci, o);
        });
        CompiledInstance ci = TinyInstances.tiny(3).compile();
        var ws = new MedagSolver().solve(ci, TEN_SECONDS).schedule();
        solve(new WarmStartChain(counting, new BruteForceSolver()), ci, TEN_SECONDS.withWarmStart(ws));
        assertEquals(0, calls.get());
    }

    @Test
    void aFailingFirstBackendLeavesAColdRun() {
        Solver throwing = fake("throws", (ci, o) -> { throw new IllegalStateException("boom"); });
        CompiledInstance ci = TinyInstances.tiny(4).compile();
        SolveResult r = new WarmStartChain(throwing, new BruteForceSolver()).solve(ci, TEN_SECONDS);
        assertEquals(Status.OPTIMAL, r.status());
        assertTrue(r.message().contains("no warm start: throws answered ERROR"), r.message());
    }

    @Test
    void whenTheSecondBackendFindsNothingTheRunAnswersTheWarmStart() {
        Solver nothing = fake("nothing", (ci, o) -> new SolveResult(Status.UNKNOWN, null, 5L, List.of(), null));
        CompiledInstance ci = TinyInstances.tiny(5).compile();
        Outcome o = solve(new WarmStartChain(new MedagSolver(), nothing), ci, TEN_SECONDS);
        assertEquals(Status.FEASIBLE, o.solution().status());
        assertEquals(5L, o.solution().lowerBoundTicks());
    }

    /** Several first backends: each runs, the best valid answer is the warm start, the trace shows each improvement. */
    @Test
    void theBestOfSeveralFirstBackendsIsTheWarmStart() {
        for (Instance in : TinyInstances.allCombinations(1, 9400)) {
            CompiledInstance ci = in.compile();
            List<Solver> firsts = List.of(new LocalSolver(), new EdgeOnlySolver(), new MedagSolver());
            double best = Double.POSITIVE_INFINITY;
            String bestName = null;
            for (Solver f : firsts) {
                Double obj = solve(f, ci, TEN_SECONDS.withTimeLimit(0.5)).solution().objectiveTicks();
                if (obj != null && obj < best) { // edge-only answers nothing where a task may use no edge node
                    best = obj;
                    bestName = f.name();
                }
            }
            AtomicInteger calls = new AtomicInteger();
            double[] seen = {Double.NaN};
            Solver then = fake("then", (c, o) -> {
                calls.incrementAndGet();
                seen[0] = o.warmStart().objectiveTicks(c);
                assertTrue(o.timeLimitSeconds() >= 10 * (1 - WarmStartChain.FIRST_SHARE) - 0.5, "the rest of the limit: " + o.timeLimitSeconds());
                return new SolveResult(Status.FEASIBLE, o.warmStart(), null, List.of(), null);
            });
            Outcome o = solve(new WarmStartChain(firsts, then), ci, TEN_SECONDS);
            assertEquals(1, calls.get());
            assertEquals(best, seen[0], 1e-6, in.name() + ": the best of local, edge-only and medag");
            assertTrue(o.solution().message().contains("warm start from " + bestName + " (local"), o.solution().message());
            double prev = Double.POSITIVE_INFINITY;
            for (var p : o.trace()) {
                assertTrue(p.objectiveTicks() <= prev + 1e-9, "the run's best never worsens");
                prev = p.objectiveTicks();
            }
        }
    }

    @Test
    void aFirstBackendThatFailsIsSkippedAndTheOthersStillCount() {
        Solver throwing = fake("throws", (ci, o) -> { throw new IllegalStateException("boom"); });
        CompiledInstance ci = TinyInstances.tiny(4).compile();
        SolveResult r = new WarmStartChain(List.of(throwing, new LocalSolver()), new BruteForceSolver()).solve(ci, TEN_SECONDS);
        assertEquals(Status.OPTIMAL, r.status());
        assertTrue(r.message().contains("warm start from local (throws answered ERROR in "), r.message());
    }

    /**
     * The use it exists for: on a medium instance with 1163 layers, cpsat alone finds nothing in a few seconds
     * (docs/cpsat.md); warm-started by medag inside the same limit it answers, improving on medag's schedule.
     */
    @Test
    void cpsatWarmStartedByMedagAnswersOnAMediumInstanceWithinItsLimit() {
        CompiledInstance ci = InstanceJson.read(Path.of("datasets/instances/medium/campus-light-s1.json")).compile();
        SolveOptions o = SolveOptions.defaults().withTimeLimit(6).withWorkers(2);
        Outcome chained = solve(new WarmStartChain(new MedagSolver(), new CpSatSolver()), ci, o);
        assertEquals(Status.FEASIBLE, chained.solution().status());
        double medag = chained.trace().get(0).objectiveTicks();
        assertTrue(chained.solution().objectiveTicks() <= medag);
        assertTrue(chained.solution().wallSeconds() < 6 + 3, "within the limit, with the slack of a loaded machine");
    }

    private interface Body { SolveResult solve(CompiledInstance ci, SolveOptions o); }

    private static Solver fake(String name, Body body) {
        return new Solver() {
            @Override public String name() { return name; }
            @Override public String description() { return "test double"; }
            @Override public SolveResult solve(CompiledInstance ci, SolveOptions o) { return body.solve(ci, o); }
        };
    }
}
