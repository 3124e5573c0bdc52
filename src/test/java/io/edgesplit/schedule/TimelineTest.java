package io.edgesplit.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineTest {
    @Test
    void workGoesIntoTheFirstGapLongEnough() {
        Timeline t = new Timeline();
        t.reserve(10, 5);   // [10,15)
        t.reserve(20, 10);  // [20,30)
        assertEquals(0, t.earliestFit(0, 10));
        assertEquals(0, t.earliestFit(0, 5));
        assertEquals(30, t.earliestFit(0, 11));
        assertEquals(15, t.earliestFit(8, 5));
        assertEquals(30, t.earliestFit(8, 6));
        assertEquals(15, t.earliestFit(12, 5));
        assertEquals(30, t.earliestFit(21, 1));
    }

    @Test
    void zeroLengthWorkNeverWaits() {
        Timeline t = new Timeline();
        t.reserve(0, 100);
        assertEquals(50, t.earliestFit(50, 0));
    }
}
