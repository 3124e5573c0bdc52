package io.edgesplit.dynamic.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SimRowTest {
    private static SimRow row(String message) {
        return new SimRow("burst, \"wide\"", "medag-replan", "medag", "replan", 7, SimRow.OK, 40, 0.600906, 0.5, 0.9, 1.1, 1.2,
                40, 3, 55, 2.5, 9.75, 12.0, 1, 2, 3.25, true, 0, 24.03624, "FEASIBLE", 20.5, 19.0, null, 1.2650652631578947,
                "requests/x.csv", message, "2026-11-30T00:00:00Z");
    }

    @Test
    void aRowReadsBackAsWrittenEvenWithCommasQuotesAndLineBreaksInItsText() {
        SimRow r = row("hindsight FEASIBLE: stopped at the limit,\nwith \"quotes\"");
        SimRow back = SimRow.parse(r.toCsvLine());
        assertEquals(SimRow.COLUMNS.size(), r.cells().size());
        assertEquals("hindsight FEASIBLE: stopped at the limit, with \"quotes\"", back.message(), "one row is one line");
        assertEquals(r.scenario(), back.scenario());
        assertEquals(0.600906, back.meanS(), "12 significant digits keep tick-exact seconds");
        assertNull(back.competitiveRatio(), "no OPTIMAL hindsight, no ratio");
        assertEquals(1.26506526316, back.ratioToBound(), 1e-11);
        assertEquals(r.id(), back.id());
    }

    @Test
    void aDamagedOrForeignLineIsNotARow() {
        String line = row(null).toCsvLine();
        assertNull(SimRow.parse(line.substring(0, line.length() / 2)), "half a line");
        assertNull(SimRow.parse(line.replace(",OK,", ",DONE,")), "an unknown status");
        assertNull(SimRow.parse(line.replace(",true,", ",yes,")), "valid must be a boolean");
        assertNull(SimRow.parse("a,b,c"));
        assertEquals(List.of("OK", "INVALID", "ERROR", "TIMEOUT"), SimRow.STATUSES);
    }
}
