package io.kibly.engine.interfaces.batch.rest;

import io.kibly.engine.application.BatchJob;
import io.kibly.engine.application.BatchJobs;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("batch-jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Batch jobs", description = "Jakarta Batch jobs run for the tenant")
public class BatchJobResource {

    @Inject
    BatchJobs batchJobs;

    @Inject
    CurrentTenant tenant;

    @Context
    UriInfo uriInfo;

    @POST
    @Path("{jobName}/executions")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Start a batch job", description = "Jobs: integration-census.")
    @APIResponse(responseCode = "202", description = "Started; Location is the execution")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@PathParam("jobName") String jobName) {
        // internal jobs answer as unknown ones do: their names are nothing a caller needs to learn
        BatchJob job = BatchJob.startableOnRequest(jobName).orElseThrow(() -> new NotFoundException("No such batch job"));
        long executionId = batchJobs.start(tenant.id(), job, Map.of());
        return Response.accepted(Map.of("executionId", executionId))
                .location(uriInfo.getBaseUriBuilder().path("batch-jobs/executions/{id}").build(executionId))
                .build();
    }

    @GET
    @Path("executions/{executionId}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Read a batch job execution")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(schema = @Schema(implementation = BatchExecutionRepresentation.class)))
    @APIResponse(responseCode = "404", description = "The tenant has no such execution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchExecutionRepresentation execution(@PathParam("executionId") String executionId) {
        long id;
        try {
            id = Long.parseLong(executionId);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No such execution");
        }
        return batchJobs.execution(tenant.id(), id).map(BatchExecutionRepresentation::of)
                .orElseThrow(() -> new NotFoundException("No such execution"));
    }
}
