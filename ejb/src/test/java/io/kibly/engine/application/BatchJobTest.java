package io.kibly.engine.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchJobTest {

    @Test
    void onlyThePublicJobsAreStartableOnRequest() {
        assertEquals(Optional.of(BatchJob.INTEGRATION_CENSUS), BatchJob.startableOnRequest("integration-census"));
        assertTrue(BatchJob.startableOnRequest("historical-import").isEmpty());
        assertTrue(BatchJob.startableOnRequest("no-such-job").isEmpty());
        // the engine itself still finds its internal job
        assertEquals(Optional.of(BatchJob.HISTORICAL_IMPORT), BatchJob.fromJobXmlName("historical-import"));
    }
}
