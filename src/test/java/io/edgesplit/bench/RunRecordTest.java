package io.edgesplit.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunRecordTest {
    @Test
    void secondsAreWrittenWithoutBinaryNoiseAndTicksExactly() {
        assertEquals("0.600906", RunRecord.secs(600906 * 1e-6));
        assertEquals("3", RunRecord.secs(3.0));
        assertEquals("", RunRecord.secs(null));
        assertEquals("172366239", RunRecord.num(172366239.0));
        assertEquals("0.5", RunRecord.num(0.5));
    }
}
