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

    @Test
    void touchingRunsMergeAndOverlapsAreRefused() {
        Timeline t = new Timeline();
        t.reserve(0, 10);
        t.reserve(10, 10);  // touches [0,10): one run [0,20)
        t.reserve(25, 5);
        t.reserve(20, 5);   // fills the gap: one run [0,30)
        assertEquals(30, t.earliestFit(0, 1));
        assertEquals(30, t.lastEnd());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> t.reserve(29, 2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> t.reserve(-1, 2));
    }
}
