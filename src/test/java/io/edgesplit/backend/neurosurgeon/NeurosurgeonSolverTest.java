package io.edgesplit.backend.neurosurgeon;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;
import io.edgesplit.schedule.PriorityRule;
import io.edgesplit.schedule.ScheduleBuilder;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverContractTest;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeurosurgeonSolverTest extends SolverContractTest {
    @Override
    protected Solver solver() { return new NeurosurgeonSolver(); }

    @Override
    protected boolean mayRefuse(CompiledInstance ci) {
        for (int t = 0; t < ci.taskCount(); t++) if (bruteForce(ci, t) == Long.MAX_VALUE) return true;
        return false;
    }

    /**
     * Independent brute force over single splits: every cut k in list order, every edge/cloud node for the
     * suffix (any node when k = L), each plan scheduled alone first come first served and checked by the
     * validator; the smallest completion of task t, or Long.MAX_VALUE when no split is feasible.
     */
    static long bruteForce(CompiledInstance ci, int t) {
        CompiledInstance alone = alone(ci, t);
        int L = ci.layerCount(t), origin = ci.origin(t);
        long best = Long.MAX_VALUE;
        for (int k = 0; k <= L; k++)
            for (int s = 0; s < ci.nodeCount(); s++) {
                if (k < L && (s == origin || ci.nodeKind(s) == NodeKind.DEVICE)) continue;
                if (k == L && s != origin) continue; // all local: one plan
                int[] p = new int[L];
                boolean ok = true;
                for (int l = 0; l < L; l++) {
                    p[l] = l < k ? origin : s;
                    ok &= ci.canRun(t, l, p[l]);
                }
                if (!ok) continue;
                Schedule sch = ScheduleBuilder.build(alone, new int[][]{p}, PriorityRule.taskOrder(new int[]{0}));
                ValidationReport r = Validator.validate(alone, sch.toSolution(alone, "brute", Status.FEASIBLE, null, 0.0));
                assertTrue(r.valid(), r.summary());
                best = Math.min(best, sch.completion(alone, 0));
            }
        return best;
    }

    /** The instance with only task t (and its model and profiles): same nodes, network and tick unit. */
    static CompiledInstance alone(CompiledInstance ci, int t) {
        Instance in = ci.source();
        Task task = ci.task(t);
        List<Profile> profiles = in.profiles().stream().filter(p -> p.model().equals(task.model())).toList();
        return new Instance(in.name() + "/" + task.name(), in.timeUnit(), in.objective(), in.granularity(), in.contention(),
                List.of(ci.model(t)), in.nodes(), in.network(), profiles, List.of(task), null).compile();
    }

    @Test
    void onASingleTaskItEqualsBruteForceOverSingleSplits() {
        int checked = 0;
        for (long seed = 0; seed < 40; seed++)
            for (Granularity g : Granularity.values())
                for (Contention c : Contention.values()) {
                    Instance in = TinyInstances.random(seed, 1, 6, 4).withGranularity(g).withContention(c);
                    CompiledInstance ci = in.compile();
                    long brute = bruteForce(ci, 0);
                    Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
                    assertTrue(o.valid(), () -> o.report().summary());
                    if (brute == Long.MAX_VALUE) {
                        assertEquals(Status.ERROR, o.solution().status(), in.name());
                        continue;
                    }
                    assertEquals(brute, o.solution().objectiveTicks(), 0.0, in.name() + " " + g + "/" + c);
                    checked++;
                }
        assertTrue(checked >= 120, "too few instances checked: " + checked);
    }

    /** The solver's own isolated evaluation is the builder's schedule of the task alone, for any placement. */
    @Test
    void aLookWithNothingCommittedIsTheBuildersScheduleOfTheTaskAlone() {
        java.util.Random r = new java.util.Random(11);
        for (Instance in : TinyInstances.allCombinations(5, 2000)) {
            CompiledInstance ci = in.compile();
            for (int t = 0; t < ci.taskCount(); t++) {
                CompiledInstance alone = alone(ci, t);
                for (int rep = 0; rep < 20; rep++) {
                    int[] p = new int[ci.layerCount(t)];
                    for (int l = 0; l < p.length; l++) {
                        int[] nodes = ci.nodesFor(t, l);
                        p[l] = nodes[r.nextInt(nodes.length)];
                    }
                    long builder = ScheduleBuilder.build(alone, new int[][]{p}, PriorityRule.taskOrder(new int[]{0})).completion(alone, 0);
                    assertEquals(builder, new io.edgesplit.schedule.LoadedTimelines(ci).completion(t, p), in.name() + " " + java.util.Arrays.toString(p));
                }
            }
        }
    }

    /** Each task's split is the best for the task alone, whatever the other tasks do. */
    @Test
    void withManyTasksEachChoosesItsIsolatedBest() {
        for (long seed = 0; seed < 10; seed++) {
            CompiledInstance ci = TinyInstances.random(300 + seed, 5, 6, 5).withObjective(Objective.TOTAL_LATENCY).compile();
            if (mayRefuse(ci)) continue;
            NeurosurgeonSolver.Split[] splits = NeurosurgeonSolver.chooseSplits(ci);
            for (int t = 0; t < ci.taskCount(); t++) assertEquals(bruteForce(ci, t), splits[t].isolated(), ci.name() + " task " + t);
            Outcome o = CheckedSolve.run(solver(), ci, SolveOptions.defaults());
            assertTrue(o.valid(), () -> o.report().summary());
            Schedule s = Schedule.fromSolution(ci, o.solution());
            for (int t = 0; t < ci.taskCount(); t++) {
                // It keeps its isolated plan, and sharing the nodes can only delay it (earliest fits among more busy intervals).
                assertTrue(s.completion(ci, t) >= splits[t].isolated(), ci.name() + " task " + t);
                for (int l = 0; l < ci.layerCount(t); l++)
                    assertEquals(l < splits[t].k() ? ci.origin(t) : splits[t].server(), s.node(t, l));
            }
        }
    }
}
