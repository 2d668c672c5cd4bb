package io.kibly.engine.batch.history;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Stores the chunk's page through the engine's upsert path, in the chunk's transaction. */
@Named
@Dependent
public class WindowPageWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String jobId;
    @Inject
    @BatchProperty
    String window;

    @Override
    public void writeItems(List<Object> pages) {
        HistoricalImport engine = BatchPorts.lookup(HistoricalImport.class);
        for (Object page : pages) {
            engine.store(tenantId, jobId, Integer.parseInt(window), page);
        }
    }
}
