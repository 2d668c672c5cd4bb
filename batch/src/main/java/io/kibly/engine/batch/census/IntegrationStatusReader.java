package io.kibly.engine.batch.census;

import io.kibly.engine.batch.BatchPorts;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Reads one status per integration of the tenant; the checkpoint is the position in that list. */
@Named
@Dependent
public class IntegrationStatusReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String tenantId;

    private List<String> statuses;
    private int position;

    @Override
    public void open(Serializable checkpoint) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("job parameter tenantId is required");
        }
        statuses = BatchPorts.lookup(IntegrationStatusSource.class).statusesOf(tenantId);
        position = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return position < statuses.size() ? statuses.get(position++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
