package io.kibly.engine.batch.history;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Reads one window a page at a time. The window's position is the engine's checkpoint (stored with each page),
 * so the batch checkpoint only counts pages: a restart asks the engine where the window stands.
 */
@Named
@Dependent
public class WindowPageReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String tenantId;
    @Inject
    @BatchProperty
    String jobId;
    @Inject
    @BatchProperty
    String window;

    private HistoricalImport engine;
    private int pages;

    @Override
    public void open(Serializable checkpoint) {
        engine = BatchPorts.lookup(HistoricalImport.class);
        pages = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        Object page = engine.nextPage(tenantId, jobId, Integer.parseInt(window));
        if (page != null) {
            pages++;
        }
        return page;
    }

    @Override
    public Serializable checkpointInfo() {
        return pages;
    }
}
