package io.kibly.engine.interfaces.enrichment.rest;

import io.kibly.engine.application.EnrichmentService;
import io.kibly.engine.application.UnknownEnrichmentRuleException;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("enrichment-rules")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrichment", description = "Categorisation rules, the learned categoriser and base-currency amounts")
public class EnrichmentRuleResource {

    @Inject
    EnrichmentService enrichment;
    @Inject
    CurrentTenant tenant;
    @Context
    UriInfo uriInfo;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List the rules", description = "In the order they are tried: priority, then id.")
    public JsonArray list() {
        var rules = Json.createArrayBuilder();
        enrichment.rules(tenant.id()).forEach(rule -> rules.add(RuleJson.of(rule)));
        return rules.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Read a rule")
    @APIResponse(responseCode = "404", description = "The tenant has no such rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonObject find(@PathParam("id") String id) {
        return RuleJson.of(enrichment.rule(tenant.id(), ruleId(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Add a rule", description = """
            `match` criteria (all optional, at least one): `description` and `reference` as
            `{"mode": "CONTAINS"|"REGEX", "pattern": ...}` (case-insensitive), `contact` (id or name), `minAmount`
            and `maxAmount` (inclusive, on the unsigned total), `type`, `providerAccount`. `set`: `category`
            (required), `accountCode`, `tags`. The tenant's transactions are re-enriched in the background.
            A `REGEX` pattern with a back-reference (`\\1`, `\\k<name>`) or nested quantifiers (`(a+)+`,
            `(.*a){12}`) is refused: its matching time can grow exponentially. Every match runs under a time budget;
            a rule whose pattern overruns it is disabled (`enabled: false`, with a `disabledReason`).""")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid rule; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(String body) {
        RuleJson.Parsed rule = RuleJson.parse(body, false);
        StoredRule added = enrichment.addRule(tenant.id(), tenant.user(), rule.priority(), rule.condition(),
                rule.outcome());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(added.rule().id())).build())
                .entity(RuleJson.of(added)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Replace a rule", description = "The body carries the `version` you read; the tenant's"
            + " transactions are re-enriched in the background. A disabled rule is enabled again by replacing it"
            + " (with a pattern that no longer overruns its budget, or it is disabled again).")
    @APIResponse(responseCode = "409", description = "The rule changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JsonObject replace(@PathParam("id") String id, String body) {
        long ruleId = ruleId(id);
        RuleJson.Parsed rule = RuleJson.parse(body, true);
        return RuleJson.of(enrichment.replaceRule(tenant.id(), tenant.user(), ruleId, rule.version(),
                rule.priority(), rule.condition(), rule.outcome()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Remove a rule", description = "The tenant's transactions are re-enriched in the background.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") String id) {
        enrichment.removeRule(tenant.id(), tenant.user(), ruleId(id));
        return Response.noContent().build();
    }

    /** An id that is not even a number names no rule: 404, as for any unknown id. */
    private static long ruleId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new UnknownEnrichmentRuleException(-1);
        }
    }
}
