package io.kibly.engine.domain.model.integration;

import java.util.UUID;

/** No integration with this id exists for the tenant (it may exist for another tenant: that is not said). */
public class UnknownIntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID integrationId;

    public UnknownIntegrationException(UUID integrationId) {
        super("No integration " + integrationId);
        this.integrationId = integrationId;
    }

    public UUID integrationId() {
        return integrationId;
    }
}
