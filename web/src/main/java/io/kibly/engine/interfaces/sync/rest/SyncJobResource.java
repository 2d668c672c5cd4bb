package io.kibly.engine.interfaces.sync.rest;

import io.kibly.engine.application.LedgerQueries;
import io.kibly.engine.application.SyncProgressFeed;
import io.kibly.engine.application.SyncService;
import io.kibly.engine.domain.model.sync.SyncJob;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import io.kibly.engine.application.SyncService.Started;
import io.kibly.engine.domain.model.sync.SyncStatus;
import io.kibly.engine.domain.model.sync.SyncTrigger;
import io.kibly.engine.domain.model.sync.SyncType;
import io.kibly.engine.domain.model.sync.UnknownSyncJobException;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.QueryParameters;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("sync-jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync jobs", description = "Syncs of an integration's transactions, run by the engine's workers")
public class SyncJobResource {

    static final int MAX_IDEMPOTENCY_KEY = 200;

    @Inject
    SyncService syncs;

    @Inject
    LedgerQueries ledger;

    @Inject
    SyncProgressFeed feed;

    @Inject
    CurrentTenant tenant;

    @Context
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a sync", description = """
            Answers at once; the workers do the work. One sync per integration is active at a time: while one is,
            a new request answers 200 with that job instead of starting another. With an `Idempotency-Key`
            header, repeating the same request answers 200 with the job the first one created; the same key with
            a different body answers 422, and while the first request is still being processed, 409.""")
    @APIResponse(responseCode = "202", description = "Started: the new job (Location names it)",
            content = @Content(schema = @Schema(implementation = SyncJobRepresentation.class)))
    @APIResponse(responseCode = "200", description = "Not started: the job that already answers this request",
            content = @Content(schema = @Schema(implementation = SyncJobRepresentation.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; the problem names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such integration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The integration cannot be synced now, or the key's first"
            + " request is in flight",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@HeaderParam("Idempotency-Key") String idempotencyKey,
            @NotNull(message = "a JSON body is required") @Valid StartSyncJobRequest request) {
        String key = QueryParameters.text("Idempotency-Key", idempotencyKey, MAX_IDEMPOTENCY_KEY);
        LocalDate from = QueryParameters.date("dateFrom", request.getDateFrom());
        LocalDate to = QueryParameters.date("dateTo", request.getDateTo());
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidParameterException("dateFrom", "must not be after dateTo");
        }
        Started started = syncs.start(tenant.id(), tenant.user(), new SyncService.SyncRequest(
                UUID.fromString(request.getIntegrationId()), SyncType.valueOf(request.getSyncType()),
                SyncTrigger.MANUAL, request.getPriority() == null ? 4 : request.getPriority(), from, to), key);
        SyncJobRepresentation job = SyncJobRepresentation.of(started.job());
        if (!started.created()) {
            return Response.ok(job).build();
        }
        return Response.accepted(job).location(uriInfo.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List sync jobs", description = "Newest first; pass the page's `next` as `after`.")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = SyncJobPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SyncJobPage list(@QueryParam("integrationId") String integrationId, @QueryParam("status") String status,
            @QueryParam("limit") String limitParameter, @QueryParam("after") String after) {
        int limit = QueryParameters.intInRange("limit", limitParameter, 50, 1, 500);
        UUID integration = QueryParameters.cursor("integrationId", integrationId);
        List<SyncJobRepresentation> items = syncs.jobs(tenant.id(), integration, status(status),
                QueryParameters.cursor("after", after), limit).stream().map(SyncJobRepresentation::of).toList();
        return new SyncJobPage(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    @GET
    @Path("statistics")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Sync statistics", description = "Jobs created since `since` (default: 30 days ago): by"
            + " status, success rate (completed of completed and failed), durations of completed jobs (p50, p95, in"
            + " seconds), transactions imported per day and figures per integration.")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(schema = @Schema(implementation = LedgerQueries.SyncStatistics.class)))
    @APIResponse(responseCode = "400", description = "Invalid since",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LedgerQueries.SyncStatistics statistics(@QueryParam("since") String since) {
        java.time.Instant from = QueryParameters.instant("since", since);
        return ledger.syncStatistics(tenant.id(), from != null ? from
                : java.time.Instant.now().minus(java.time.Duration.ofDays(30)));
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Live progress of all the tenant's syncs (Server-Sent Events)", description = """
            One `sync-job` event (the job as GET /api/sync-jobs/{id} shows it) per committed change of any of the
            tenant's jobs: each stored page, each change of status. The stream stays open until the client
            closes it.""")
    public void allEvents(@Context SseEventSink sink, @Context Sse sse) {
        ProgressStream.open(feed, tenant.id(), null, null, sink, sse);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Live progress of one sync (Server-Sent Events)", description = """
            The job at once, then one `sync-job` event per committed change (at least one per stored page);
            the stream ends after the job reaches COMPLETED, FAILED or CANCELLED.""")
    @APIResponse(responseCode = "404", description = "The tenant has no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        SyncJob job = syncs.job(tenant.id(), jobId(id));
        ProgressStream.open(feed, tenant.id(), job.id(), job, sink, sse);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Read one sync job", description = "Its status, progress, counts and last error.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = SyncJobRepresentation.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SyncJobRepresentation find(@PathParam("id") String id) {
        return SyncJobRepresentation.of(syncs.job(tenant.id(), jobId(id)));
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Cancel a sync", description = "Takes effect within one page: no further provider calls;"
            + " the pages already stored stay.")
    @APIResponse(responseCode = "200", description = "Cancelled",
            content = @Content(schema = @Schema(implementation = SyncJobRepresentation.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job has already finished",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SyncJobRepresentation cancel(@PathParam("id") String id) {
        return SyncJobRepresentation.of(syncs.cancel(tenant.id(), jobId(id)));
    }

    @POST
    @Path("{id}/retry")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Retry a failed or cancelled sync", description = "Resumes from its last checkpoint: the"
            + " pages already stored are not fetched again.")
    @APIResponse(responseCode = "202", description = "Queued again",
            content = @Content(schema = @Schema(implementation = SyncJobRepresentation.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The job is not failed or cancelled, or another sync of the"
            + " integration is active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retry(@PathParam("id") String id) {
        return Response.accepted(SyncJobRepresentation.of(syncs.retry(tenant.id(), jobId(id)))).build();
    }

    private static SyncStatus status(String value) {
        String text = QueryParameters.text("status", value, 20);
        if (text == null) {
            return null;
        }
        return Arrays.stream(SyncStatus.values()).filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidParameterException("status",
                        "must be one of: " + Arrays.toString(SyncStatus.values())));
    }

    /** An id that is not even a UUID names no job: 404, as for any unknown id. */
    private static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownSyncJobException(null);
        }
    }
}
