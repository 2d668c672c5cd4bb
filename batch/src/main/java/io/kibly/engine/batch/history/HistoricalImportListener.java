package io.kibly.engine.batch.history;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** A failed batch job is reported to its sync job, which is tried again or fails with the reason. */
@Named
@Dependent
public class HistoricalImportListener extends AbstractJobListener {

    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String jobId;
    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        if (job.getBatchStatus() == BatchStatus.FAILED) {
            String exit = job.getExitStatus();
            BatchPorts.lookup(HistoricalImport.class).fail(tenantId, jobId,
                    "A window of the batch import failed" + (exit == null || exit.equals("FAILED") ? "" : ": " + exit));
        }
    }
}
