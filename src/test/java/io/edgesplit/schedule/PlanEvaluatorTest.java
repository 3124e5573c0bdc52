package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Status;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a plan becomes a schedule, and the queue-aware sequential start, give schedules the validator accepts. */
class PlanEvaluatorTest {
    static int[][] randomPlan(CompiledInstance ci, Random r) {
        int[][] plan = new int[ci.taskCount()][];
        for (int t = 0; t < plan.length; t++) {
            plan[t] = new int[ci.layerCount(t)];
            for (int l = 0; l < plan[t].length; l++) {
                int[] ok = ci.nodesFor(t, l);
                plan[t][l] = ok[r.nextInt(ok.length)];
            }
        }
        return plan;
    }

    static Instance randomInstance(int i, Random r) {
        return TinyInstances.random(6000 + i, 2 + r.nextInt(12), 2 + r.nextInt(8), 3 + r.nextInt(6))
                .withGranularity(Granularity.values()[r.nextInt(2)])
                .withContention(Contention.values()[r.nextInt(2)])
                .withObjective(Objective.values()[r.nextInt(2)]);
    }

    static void assertValid(CompiledInstance ci, Preschedule p, String what) {
        ValidationReport report = Validator.validate(ci, p.schedule().toSolution(ci, "test", Status.FEASIBLE, null, 0.0));
        assertTrue(report.valid(), () -> what + ": " + report.summary());
        assertEquals(report.objectiveTicks(), p.objective(), 1e-9, what + ": the objective agrees with the validator");
        for (int t = 0; t < ci.taskCount(); t++) assertEquals(p.schedule().completion(ci, t), p.completion(t));
    }

    @Test
    void everyEvaluatorSchedulesEveryRandomPlanValidly() {
        Random r = new Random(20261129);
        for (int i = 0; i < 80; i++) {
            CompiledInstance ci = randomInstance(i, r).compile();
            int[][] plan = randomPlan(ci, r);
            for (PlanEvaluator e : PlanEvaluator.values()) assertValid(ci, e.evaluate(ci, plan), ci.name() + " " + e.json());
        }
    }

    @Test
    void bestOfBothIsNeverWorseThanInsertionPrescheduling() {
        Random r = new Random(5);
        for (int i = 0; i < 60; i++) {
            CompiledInstance ci = randomInstance(i, r).compile();
            int[][] plan = randomPlan(ci, r);
            double both = PlanEvaluator.BEST_OF_BOTH.evaluate(ci, plan).objective();
            double ins = PlanEvaluator.PRESCHEDULE_INSERTION.evaluate(ci, plan).objective();
            assertTrue(both <= ins, () -> ci.name() + ": " + both + " > " + ins);
        }
    }

    @Test
    void theProfileOfAnyScheduleMatchesThePreschedulersOwnOnItsSchedule() {
        Random r = new Random(9);
        for (int i = 0; i < 30; i++) {
            CompiledInstance ci = randomInstance(i, r).compile();
            Preschedule p = DynamicPrescheduler.run(ci, randomPlan(ci, r));
            Preschedule q = Preschedule.of(ci, p.schedule());
            assertEquals(p.objective(), q.objective());
            for (int n = 0; n < ci.nodeCount(); n++) {
                assertEquals(p.nodes().get(n).busyTicks(), q.nodes().get(n).busyTicks(), "busy ticks of node " + n);
                assertEquals(p.nodes().get(n).lastEnd(), q.nodes().get(n).lastEnd(), "last end of node " + n);
                for (long ready = 0; ready < p.nodes().get(n).lastEnd(); ready += 7)
                    for (int t = 0; t < ci.taskCount(); t++)
                        assertEquals(QueueEstimate.of(ci, p, t).computeStart(n, ready), QueueEstimate.of(ci, q, t).computeStart(n, ready));
            }
        }
    }

    @Test
    void theSequentialStartPlansEveryTaskAndIsDeterministic() {
        Random r = new Random(13);
        for (int i = 0; i < 40; i++) {
            CompiledInstance ci = randomInstance(i, r).compile();
            for (SequentialStart.Estimate e : SequentialStart.Estimate.values()) {
                int[][] a = SequentialStart.plan(ci, new MultiEndpointDag(ci), e, ci.tasksByRelease(), Long.MAX_VALUE);
                int[][] b = SequentialStart.plan(ci, new MultiEndpointDag(ci), e, ci.tasksByRelease(), Long.MAX_VALUE);
                assertNotNull(a);
                assertTrue(java.util.Arrays.deepEquals(a, b), "same instance, same plan");
                assertValid(ci, PlanEvaluator.PRESCHEDULE.evaluate(ci, a), ci.name() + " sequential start " + e);
            }
        }
    }

    @Test
    void aSequentialStartPastItsDeadlinePlacesTheRestWholeOnTheLeastClaimedNode() {
        for (int i = 0; i < 10; i++) {
            CompiledInstance ci = TinyInstances.random(10 + i, 40, 6, 5).compile();
            int[][] plan = SequentialStart.plan(ci, new MultiEndpointDag(ci), SequentialStart.Estimate.TAIL,
                    ci.tasksByRelease(), System.nanoTime() - 1);
            for (int t = 0; t < ci.taskCount(); t++) assertNotNull(plan[t], "every task is planned");
            assertValid(ci, PlanEvaluator.BEST_OF_BOTH.evaluate(ci, plan), ci.name() + " cut sequential start");
        }
    }

    @Test
    void theDagSearchsShortcutForFloorFormEstimatesFindsTheSamePathAsTheGeneralSearch() {
        Random r = new Random(17);
        for (int i = 0; i < 60; i++) {
            CompiledInstance ci = randomInstance(i, r).compile();
            MultiEndpointDag dag = new MultiEndpointDag(ci);
            long[] floor = new long[ci.nodeCount()];
            for (int n = 0; n < floor.length; n++) floor[n] = r.nextInt(3) == 0 ? Long.MIN_VALUE : r.nextInt(2000);
            QueueEstimate fast = new QueueEstimate() {
                public long computeStart(int node, long ready) { return Math.max(ready, ci.availableAt(node) + floor[node] / 2); }
                public long ingressStart(int node, long ready) { return Math.max(ready, floor[node]); }
                public boolean ingressIsFloor() { return true; }
                public long ingressFloor(int node) { return floor[node]; }
            };
            QueueEstimate general = new QueueEstimate() { // the same function, without the promise
                public long computeStart(int node, long ready) { return fast.computeStart(node, ready); }
                public long ingressStart(int node, long ready) { return fast.ingressStart(node, ready); }
            };
            for (int t = 0; t < ci.taskCount(); t++) {
                MultiEndpointDag.Path a = dag.best(t, fast), b = dag.best(t, general);
                assertEquals(b.completion(), a.completion(), ci.name() + " task " + t);
                assertTrue(java.util.Arrays.equals(a.placement(), b.placement()), ci.name() + " task " + t + ": same path");
            }
        }
    }
}
