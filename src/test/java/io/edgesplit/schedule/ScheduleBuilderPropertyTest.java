package io.edgesplit.schedule;

import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schedule builder's output passes the validator for any placement, rule and mode. */
class ScheduleBuilderPropertyTest {

    @Property(tries = 400)
    void anyEligiblePlacementBecomesAValidSchedule(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
                                                   @ForAll @IntRange(min = 1, max = 8) int tasks,
                                                   @ForAll Granularity g, @ForAll Contention c, @ForAll Objective o,
                                                   @ForAll @IntRange(min = 0, max = 2) int ruleKind) {
        Instance in = TinyInstances.random(seed, tasks, 7, 6).withGranularity(g).withContention(c).withObjective(o);
        CompiledInstance ci = in.compile();
        Random r = new Random(seed);
        int[][] placement = TinyInstances.randomPlacement(ci, r);
        PriorityRule rule = switch (ruleKind) {
            case 0 -> PriorityRule.earliestReady();
            case 1 -> {
                int[] rank = new int[ci.taskCount()];
                for (int t = 0; t < rank.length; t++) rank[t] = r.nextInt(100);
                yield PriorityRule.taskOrder(rank);
            }
            default -> {
                double[] v = new double[ci.taskCount()];
                for (int t = 0; t < v.length; t++) v[t] = r.nextDouble();
                yield PriorityRule.byTaskValue(v);
            }
        };
        Schedule s = ScheduleBuilder.build(ci, placement, rule);
        ValidationReport report = Validator.validate(ci, s.toSolution(ci, "builder", Status.FEASIBLE, null, 0.0));
        assertTrue(report.valid(), report::summary);
    }
}
