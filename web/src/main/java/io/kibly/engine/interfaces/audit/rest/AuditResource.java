package io.kibly.engine.interfaces.audit.rest;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.QueryParameters;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, and when")
public class AuditResource {

    @Inject
    AuditService audit;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Read the audit trail", description = "Newest first; filters: action, actor, targetId, "
            + "from/to (ISO instants); pass a page's `next` as `before`.")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage entries(@QueryParam("action") String action, @QueryParam("actor") String actor,
            @QueryParam("targetId") String targetId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") String before, @QueryParam("limit") String limit) {
        int size = QueryParameters.intInRange("limit", limit, 100, 1, 500);
        List<AuditEntryRepresentation> items = audit.entries(tenant.id(), QueryParameters.text("action", action, 100),
                        QueryParameters.text("actor", actor, 200), QueryParameters.text("targetId", targetId, 100),
                        QueryParameters.instant("from", from), QueryParameters.instant("to", to),
                        QueryParameters.longCursor("before", before), size)
                .stream().map(AuditEntryRepresentation::of).toList();
        Long next = items.size() == size ? items.get(items.size() - 1).id() : null;
        return new AuditPage(items, next);
    }
}
