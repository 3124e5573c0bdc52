package io.edgesplit.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunRecordTest {
    @Test
    void secondsAreWrittenWithoutBinaryNoiseAndTicksExactly() {
        assertEquals("0.600906", RunRecord.secs(600906 * 1e-6));
        assertEquals("3", RunRecord.secs(3.0));
        assertEquals("", RunRecord.secs(null));
        assertEquals("172366239", RunRecord.num(172366239.0));
        assertEquals("0.5", RunRecord.num(0.5));
    }

    @Test
    void aRowCarriesTheInstanceBoundAndARowWithoutItStillReads() {
        RunRecord r = new RunRecord("i|c|1", "s", "i", "i.json", 2, 3, 8, "makespan", "c", "medag", 1, 1, 1, 10, "FEASIBLE",
                0.2, 200000.0, null, null, null, 0.5, true, null, "runs/x.solution.json", "runs/x.trace.csv", 2, "17", "2026-01-01T00:00:00Z",
                150000.0, 0.15, "capacity: ingress(edge1), compute(dev1)");
        List<String> cells = RunRecord.Csv.split(r.toCsvLine());
        assertEquals(RunRecord.COLUMNS.size(), cells.size());
        assertEquals(r, RunRecord.fromCells(cells));
        RunRecord old = RunRecord.fromCells(cells.subList(0, RunRecord.COLUMNS_WITHOUT_BOUND.size()));
        assertNull(old.instanceBoundTicks());
        assertNull(old.instanceBoundSource());
        assertEquals(r.objectiveTicks(), old.objectiveTicks());
    }
}
