package io.kibly.engine.domain.model.sync;

import java.util.UUID;

/** No sync job with this id exists for the tenant (another tenant's job is unknown too). */
public class UnknownSyncJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownSyncJobException(UUID id) {
        super("No sync job " + id);
    }
}
