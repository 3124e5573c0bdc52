package io.edgesplit.model;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.Transfer;
import io.edgesplit.validate.Validator;
import io.edgesplit.validate.Violation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/model.md §8: a duration takes the factor in force at its start tick, for the whole layer or transfer. */
class FluctuationTest {
    /** One device and one edge; the edge runs at half speed from 1 s to 3 s, and its link is 4× slower from 2 s. */
    static Instance instance() {
        DnnModel m = new DnnModel("m", 1000, List.of(new Layer("a", 1e9, 1000, 0, List.of())));
        return new Instance("fl", 1e-6, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS, List.of(m),
                List.of(new Node("dev", NodeKind.DEVICE, 1e9), new Node("edge", NodeKind.EDGE, 1e10)),
                Network.uniform(1e6, 0), List.of(), List.of(new Task("t", "m", "dev", 0, 1, null)), null,
                List.of(new Fluctuation("edge", List.of(new Fluctuation.Step(1, 2), new Fluctuation.Step(3, 1)),
                        List.of(new Fluctuation.Step(2, 4)))));
    }

    @Test
    void aLayerTakesTheComputeFactorInForceAtItsStart() {
        CompiledInstance ci = instance().compile();
        int edge = ci.nodeIndex("edge");
        assertEquals(100_000, ci.procAt(0, 0, edge, 0));            // 1e9 / 1e10 s = 0.1 s
        assertEquals(100_000, ci.procAt(0, 0, edge, 999_999));      // starts before the slow spell: all at factor 1
        assertEquals(200_000, ci.procAt(0, 0, edge, 1_000_000));    // starts in it: factor 2 throughout
        assertEquals(100_000, ci.procAt(0, 0, edge, 3_000_000));
        assertEquals(ci.proc(0, 0, edge), ci.procAt(0, 0, edge, 0), "factor 1 is exactly the constant-speed duration");
    }

    @Test
    void aTransferTakesTheLargerLinkFactorOfItsEndsAtItsStart() {
        CompiledInstance ci = instance().compile();
        int dev = ci.nodeIndex("dev"), edge = ci.nodeIndex("edge");
        assertEquals(1000, ci.transferAt(1000, dev, edge, 0));           // 1000 B at 1e6 B/s
        assertEquals(4000, ci.transferAt(1000, dev, edge, 2_000_000));   // the edge's link factor 4
        assertEquals(4000, ci.transferAt(1000, edge, dev, 2_000_000));   // either end counts
    }

    @Test
    void theValidatorChecksDurationsAtTheirStarts() {
        CompiledInstance ci = instance().compile();
        int dev = ci.nodeIndex("dev"), edge = ci.nodeIndex("edge");
        // input to the edge at 1.5 s (1000 ticks), layer at 1.5 s + 1 ms in the slow spell (200 ms), return after it.
        long in = 1_500_000, layer = in + 1000, ret = layer + 200_000;
        Schedule s = new Schedule(new int[][]{{edge}}, new long[][]{{layer}},
                List.of(List.of(new Transfer(Transfer.INPUT, dev, edge, in), new Transfer(0, edge, dev, ret))));
        var report = Validator.validate(ci, s.toSolution(ci, "hand", Status.FEASIBLE, null, null));
        assertTrue(report.valid(), report.toString());
        // The return starts at 1.7 s, before the link slows at 2 s: 1 ms.
        assertEquals(ret + 1000, s.completion(ci, 0));
        // Returning the result while the link is slow takes 4 ms; a solution that claims 1 ms is refused.
        Schedule late = new Schedule(new int[][]{{edge}}, new long[][]{{layer}},
                List.of(List.of(new Transfer(Transfer.INPUT, dev, edge, in), new Transfer(0, edge, dev, 2_000_000))));
        var sol = late.toSolution(ci, "hand", Status.FEASIBLE, null, null);
        assertEquals(2_004_000, late.completion(ci, 0));
        assertTrue(Validator.validate(ci, sol).valid());
        var t0 = sol.tasks().get(0);
        var claimed = new io.edgesplit.solution.Solution(sol.instance(), sol.solver(), sol.status(), sol.objective(), sol.objectiveTicks(),
                null, null, List.of(new io.edgesplit.solution.TaskSchedule(t0.task(), 2_001_000, t0.layers(), t0.transfers())), null);
        assertTrue(Validator.validate(ci, claimed).violations().stream().anyMatch(v -> v.kind() == Violation.Kind.COMPLETION_MISMATCH));
    }

    @Test
    void instancesWithFluctuationsRoundTripThroughTheFileFormat() {
        Instance in = instance();
        Instance back = InstanceJson.parse(io.edgesplit.io.Json.pretty(InstanceJson.toTree(in)));
        assertEquals(in, back);
        assertTrue(back.fluctuating());
    }

    @Test
    void stepsMustIncreaseAndFactorsBeAtLeastOne() {
        Instance in = instance();
        Instance backwards = in.withFluctuations(List.of(new Fluctuation("edge",
                List.of(new Fluctuation.Step(1, 2), new Fluctuation.Step(0.5, 1)), List.of())));
        var e1 = assertThrows(InvalidInputException.class, backwards::compile);
        assertTrue(e1.getMessage().contains("fluctuations[0].compute[1][0]") && e1.getMessage().contains("increase strictly"), e1.getMessage());
        Instance faster = in.withFluctuations(List.of(new Fluctuation("edge", List.of(), List.of(new Fluctuation.Step(2, 0.5)))));
        var e2 = assertThrows(InvalidInputException.class, faster::compile);
        assertTrue(e2.getMessage().contains("fluctuations[0].link[0][1]") && e2.getMessage().contains("factor"), e2.getMessage());
        Instance unknown = in.withFluctuations(List.of(new Fluctuation("edge9", List.of(), List.of())));
        var e3 = assertThrows(InvalidInputException.class, unknown::compile);
        assertTrue(e3.getMessage().contains("fluctuations[0].node"), e3.getMessage());
    }
}
