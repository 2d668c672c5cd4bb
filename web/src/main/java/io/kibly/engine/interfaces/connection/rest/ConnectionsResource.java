package io.kibly.engine.interfaces.connection.rest;

import io.kibly.engine.application.ConnectionService;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("connections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "The tenant's provider connections as a whole")
public class ConnectionsResource {

    @Inject
    ConnectionService connections;

    @Inject
    CurrentTenant tenant;

    @POST
    @Path("key-rotation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Re-encrypt the tenant's stored tokens under the vault's active key",
            description = "Run after a new key was added to KIBLY_VAULT_KEYS and made active.")
    @APIResponse(responseCode = "200", description = "{connections, activeKeyId}")
    public Map<String, Object> rotateKeys() {
        ConnectionService.KeyRotation rotation = connections.rotateKeys(tenant.id());
        return Map.of("connections", rotation.connections(), "activeKeyId", rotation.activeKeyId());
    }
}
