package io.kibly.engine.batch.census;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusTallyTest {

    @Test
    void countsEachStatusAcrossChunksInNameOrder() {
        StatusTally tally = new StatusTally();
        tally.addAll(List.of("PENDING_AUTH", "ACTIVE"));
        tally.addAll(List.of("PENDING_AUTH"));

        assertEquals(Map.of("ACTIVE", 1, "PENDING_AUTH", 2), tally.counts());
        assertEquals("ACTIVE=1,PENDING_AUTH=2", tally.asExitStatus());
    }

    @Test
    void anEmptyTallySaysNone() {
        assertEquals("NONE", new StatusTally().asExitStatus());
    }
}
