package io.kibly.sandbox.rest;

import io.kibly.sandbox.runtime.Sandbox;
import io.kibly.sandbox.xero.accounting.BankTransactionsRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("api.xro/2.0/BankTransactions")
@RequestScoped
public class XeroBankTransactionsResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@HeaderParam("xero-tenant-id") String tenantId,
                         @HeaderParam("If-Modified-Since") String ifModifiedSince,
                         @HeaderParam("Authorization") String authorization,
                         @QueryParam("page") Integer page,
                         @QueryParam("pageSize") Integer pageSize,
                         @QueryParam("where") String where,
                         @QueryParam("order") String order) {
        return Responses.of(sandbox.bankTransactions().get(
                new BankTransactionsRequest(tenantId, page, pageSize, where, order, ifModifiedSince,
                        authorization)));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@HeaderParam("xero-tenant-id") String tenantId,
                        @HeaderParam("Authorization") String authorization,
                        @PathParam("id") String id) {
        return Responses.of(sandbox.bankTransactions().getOne(tenantId, authorization, id));
    }
}
