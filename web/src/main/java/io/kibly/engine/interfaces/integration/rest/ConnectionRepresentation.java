package io.kibly.engine.interfaces.integration.rest;

import io.kibly.engine.application.ConnectionService;
import java.util.List;

/**
 * The result of connecting: the integration, the organisations the grant covers and the one it syncs
 * ({@code selectedTenantId} absent while the caller must still choose). Never a token.
 */
public record ConnectionRepresentation(IntegrationRepresentation integration, List<Organisation> organisations,
        String selectedTenantId) {

    /** An organisation (Xero) or company (QuickBooks realm) of the grant. */
    public record Organisation(String tenantId, String tenantName) {
    }

    static ConnectionRepresentation of(ConnectionService.Connected connected) {
        return new ConnectionRepresentation(IntegrationRepresentation.of(connected.integration()),
                connected.providerTenants().stream().map(t -> new Organisation(t.id(), t.name())).toList(),
                connected.selectedProviderTenant());
    }
}
