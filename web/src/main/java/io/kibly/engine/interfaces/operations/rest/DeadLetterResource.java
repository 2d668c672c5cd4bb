package io.kibly.engine.interfaces.operations.rest;

import io.kibly.engine.application.DeadLetters;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.QueryParameters;
import io.kibly.engine.interfaces.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("dead-letters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "What the engine could not process")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Work parked on the broker's dead message queue", description = """
            The tenant's messages the workers could not process after their redeliveries (a malformed message, or
            the engine failing, e.g. its database): the queue they were meant for, the broker's reason, the
            failure, when, and the job they carried. Newest first.""")
    public List<DeadLetters.DeadLetter> list(@QueryParam("limit") String limit) {
        return deadLetters.of(tenant.id(), QueryParameters.intInRange("limit", limit, 100, 1, 1000));
    }
}
