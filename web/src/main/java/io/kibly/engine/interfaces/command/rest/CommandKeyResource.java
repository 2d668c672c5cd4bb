package io.kibly.engine.interfaces.command.rest;

import io.kibly.engine.application.CommandKeys;
import io.kibly.engine.interfaces.rest.CurrentTenant;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

@Path("command-keys")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "JMS commands", description = "Keys that authenticate corporate systems' commands on kibly_commands")
public class CommandKeyResource {

    @Inject
    CommandKeys keys;
    @Inject
    CurrentTenant tenant;
    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a command key", description = """
            The key (`kck_…`) is in this answer only: put it in the `kiblyCommandKey` property of every JMS command.
            Only its digest is stored.""")
    @APIResponse(responseCode = "201", description = "Issued: the key, shown once")
    @APIResponse(responseCode = "400", description = "Invalid label",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@NotNull(message = "a JSON body is required") @Valid IssueCommandKeyRequest request) {
        CommandKeys.Issued issued = keys.issue(tenant.id(), tenant.user(), request.getLabel().strip());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
                .entity(new IssuedKey(issued.key(), issued.secret())).build();
    }

    @GET
    @Operation(summary = "List command keys", description = "Labels, creators and revocations; never the keys.")
    public List<CommandKeys.CommandKey> list() {
        return keys.list(tenant.id());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a command key", description = "Commands carrying it are refused from now on.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "404", description = "The tenant has no such key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CommandKeys.CommandKey revoke(@PathParam("id") String id) {
        UUID keyId;
        try {
            keyId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new io.kibly.engine.application.UnknownCommandKeyException(null);
        }
        return keys.revoke(tenant.id(), tenant.user(), keyId);
    }

    /** The answer to an issue: the key's record and, this once, the key. */
    public record IssuedKey(CommandKeys.CommandKey commandKey, String key) {
    }
}
