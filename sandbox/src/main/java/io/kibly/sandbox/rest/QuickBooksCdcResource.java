package io.kibly.sandbox.rest;

import io.kibly.sandbox.runtime.Sandbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** QBO's change data capture; {@code minorversion} is accepted and ignored. */
@Path("v3/company/{realmId}/cdc")
@RequestScoped
public class QuickBooksCdcResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response changes(@PathParam("realmId") String realmId,
                            @QueryParam("entities") String entities,
                            @QueryParam("changedSince") String changedSince,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return Responses.of(sandbox.quickBooksCdc().changes(realmId, authorization, entities, changedSince));
    }
}
