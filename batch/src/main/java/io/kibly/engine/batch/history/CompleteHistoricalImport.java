package io.kibly.engine.batch.history;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** After every window: the sync job completes (and its incremental cursor starts where the import started). */
@Named
@Dependent
public class CompleteHistoricalImport extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String jobId;

    @Override
    public String process() {
        BatchPorts.lookup(HistoricalImport.class).complete(tenantId, jobId);
        return "COMPLETED";
    }
}
