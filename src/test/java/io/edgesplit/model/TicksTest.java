package io.edgesplit.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TicksTest {
    @Test
    void thirtySevenMicrosecondsWrittenAsDecimalSecondsIsThirtySevenTicksNotThirtyEight() {
        assertEquals(37, Ticks.of(3.7e-5, 1e-6));
        assertEquals(37, Ticks.of(0.000037, 1e-6));
    }

    @Test
    void durationsRoundUpToWholeTicks() {
        assertEquals(2, Ticks.of(1.5e-6, 1e-6));
        assertEquals(1, Ticks.of(1e-9, 1e-6));
        assertEquals(0, Ticks.of(0, 1e-6));
    }

    @Test
    void snappingOnlyForgivesRoundingNoise() {
        // 1e-9 relative tolerance: 1000.000002 ticks is real, not noise.
        assertEquals(1001, Ticks.of(1000.000002e-6, 1e-6));
        assertEquals(1000, Ticks.of(1000.0000000001e-6, 1e-6));
    }

    @Test
    void procUsesSlowdownTimesFlopsOverSpeedAndProfilesAreSlowedToo() {
        Instance in = new Instance("p", 1e-6, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                java.util.List.of(new DnnModel("m", 10, java.util.List.of(
                        Layer.chained("a", 3e6, 10, 0, null), Layer.chained("b", 1e6, 10, 0, "a")))),
                java.util.List.of(new Node("d", NodeKind.DEVICE, 1e9, 0.0025, 1.5), new Node("e", NodeKind.EDGE, 2e9)),
                Network.uniform(1e6, 0.001),
                java.util.List.of(new Profile("m", "e", java.util.Arrays.asList(0.0004, null))),
                java.util.List.of(new Task("t", "m", "d", 0.00001)), null);
        CompiledInstance ci = in.compile();
        assertEquals(4500, ci.proc(0, 0, 0)); // 1.5 × 3e6 / 1e9 s = 4.5 ms
        assertEquals(400, ci.proc(0, 0, 1)); // profile 0.4 ms, slowdown 1
        assertEquals(CompiledInstance.CANNOT_RUN, ci.proc(0, 1, 1)); // null profile entry
        assertEquals(2500, ci.availableAt(0));
        assertEquals(10, ci.release(0));
        assertEquals(1010, ci.transfer(10, 0, 1)); // 1 ms latency + 10 B / 1 MB/s = 10 µs
        assertEquals(0, ci.transfer(10, 1, 1));
    }
}
