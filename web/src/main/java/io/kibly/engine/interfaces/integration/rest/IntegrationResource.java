package io.kibly.engine.interfaces.integration.rest;

import io.kibly.engine.application.ConnectionService;
import io.kibly.engine.application.IntegrationService;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import java.util.Map;
import io.kibly.engine.domain.model.integration.Integration;
import io.kibly.engine.domain.model.integration.IntegrationType;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.QueryParameters;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("integrations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integrations", description = "A tenant's connections to accounting providers")
public class IntegrationResource {

    @Inject
    IntegrationService integrations;

    @Inject
    ConnectionService connections;

    @Inject
    CurrentTenant tenant;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an integration", description = "Created in status PENDING_AUTH.")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = IntegrationRepresentation.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@NotNull(message = "a JSON body is required") @Valid RegisterIntegrationRequest request) {
        Integration integration = integrations.register(tenant.id(),
                Provider.fromApiName(request.getProvider()).orElseThrow(),
                IntegrationType.fromApiName(request.getIntegrationType()).orElseThrow(),
                request.getName());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(integration.id().toString()).build())
                .entity(IntegrationRepresentation.of(integration))
                .build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List integrations", description = "Oldest first; pass the page's `next` as `after`.")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = IntegrationPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationPage list(@QueryParam("limit") String limitParameter, @QueryParam("after") String after) {
        int limit = QueryParameters.intInRange("limit", limitParameter, 100, 1, 500);
        UUID cursor = QueryParameters.cursor("after", after);
        List<IntegrationRepresentation> items = integrations.list(tenant.id(), cursor, limit).stream()
                .map(IntegrationRepresentation::of)
                .toList();
        UUID next = items.size() == limit ? items.get(items.size() - 1).id() : null;
        return new IntegrationPage(items, next);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Read one integration")
    @APIResponse(responseCode = "200", description = "The integration",
            content = @Content(schema = @Schema(implementation = IntegrationRepresentation.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationRepresentation find(@PathParam("id") String id) {
        return IntegrationRepresentation.of(integrations.find(tenant.id(), integrationId(id)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename an integration or change its sync schedule", description = """
            `name` renames it; `syncIntervalMinutes` sets how often it is synced incrementally on schedule (0 turns
            scheduled syncs off; at most 10080, a week; 60 for a new integration). Optimistic locking: name the
            version you read; if it changed since, 409.""")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = IntegrationRepresentation.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationRepresentation rename(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid RenameIntegrationRequest request) {
        return IntegrationRepresentation.of(integrations.update(tenant.id(), integrationId(id), request.getName(),
                request.getSyncIntervalMinutes(), request.getVersion()));
    }

    @GET
    @Path("{id}/auth-url")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start connecting the integration to its provider",
            description = "Returns the provider's consent URL with a single-use state (10 minutes) bound to the caller "
                    + "and the integration; PKCE S256 for Xero. redirectUri must be one registered with the provider.")
    @APIResponse(responseCode = "200", description = "{authUrl}")
    @APIResponse(responseCode = "400", description = "redirectUri not registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, String> authUrl(@PathParam("id") String id, @QueryParam("redirectUri") String redirectUri) {
        String uri = QueryParameters.text("redirectUri", redirectUri, 500);
        if (uri == null) {
            throw new InvalidParameterException("redirectUri", "is required");
        }
        return Map.of("authUrl", connections.startAuthorization(tenant.id(), tenant.user(), integrationId(id), uri)
                .toString());
    }

    @POST
    @Path("oauth/callback")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Complete the connection with what the provider sent to the redirect URI",
            description = "Exchanges the code; the integration becomes ACTIVE when the grant covers one organisation "
                    + "(QuickBooks: the realmId), else choose one with PUT {id}/organisation. A replayed, expired or "
                    + "foreign state is refused and changes nothing.")
    @APIResponse(responseCode = "200", description = "Connected",
            content = @Content(schema = @Schema(implementation = ConnectionRepresentation.class)))
    @APIResponse(responseCode = "400", description = "Invalid state or code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The provider failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConnectionRepresentation completeAuthorization(
            @NotNull(message = "a JSON body is required") @Valid OAuthCallbackRequest request) {
        return ConnectionRepresentation.of(connections.completeAuthorization(tenant.id(), tenant.user(),
                request.getCode(), request.getState(), request.getRealmId()));
    }

    @PUT
    @Path("{id}/organisation")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose which of the grant's organisations the integration syncs")
    @APIResponse(responseCode = "200", description = "Chosen; the integration is ACTIVE",
            content = @Content(schema = @Schema(implementation = ConnectionRepresentation.class)))
    public ConnectionRepresentation selectOrganisation(@PathParam("id") String id,
            @NotNull(message = "a JSON body is required") @Valid SelectOrganisationRequest request) {
        return ConnectionRepresentation.of(connections.selectProviderTenant(tenant.id(), integrationId(id),
                request.getTenantId()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Disconnect the integration",
            description = "Ends the grant at the provider, erases the tokens, status DISCONNECTED; imported data is kept.")
    @APIResponse(responseCode = "200", description = "Disconnected",
            content = @Content(schema = @Schema(implementation = IntegrationRepresentation.class)))
    @APIResponse(responseCode = "502", description = "The provider failed; nothing changed, try again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IntegrationRepresentation disconnect(@PathParam("id") String id) {
        return IntegrationRepresentation.of(connections.disconnect(tenant.id(), integrationId(id)));
    }

    @POST
    @Path("{id}/connection-check")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Prove the integration can reach its provider now",
            description = "Refreshes the access token first when it is about to expire (once for all concurrent "
                    + "callers), then makes one cheap authenticated call. 409 when the provider refused the grant: "
                    + "the integration is then NEEDS_REAUTH with the reason.")
    @APIResponse(responseCode = "200", description = "{status: ok, providerTenantId}")
    @APIResponse(responseCode = "409", description = "Needs re-authorisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The provider failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Map<String, String> checkConnection(@PathParam("id") String id) {
        return Map.of("status", "ok", "providerTenantId", connections.checkConnection(tenant.id(), integrationId(id)));
    }

    /** An id that is not even a UUID names no integration: 404, as for any unknown id. */
    private static UUID integrationId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such integration");
        }
    }
}
