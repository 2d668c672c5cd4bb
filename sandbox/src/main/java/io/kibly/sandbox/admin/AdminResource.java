package io.kibly.sandbox.admin;

import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.json.JsonBuilders;
import io.kibly.sandbox.runtime.Sandbox;
import io.kibly.sandbox.xero.accounting.BankTransactionReader;
import io.kibly.sandbox.xero.accounting.XeroApiException;
import io.kibly.sandbox.xero.accounting.XeroJson;
import io.kibly.sandbox.xero.data.OrganisationLedger;
import io.kibly.sandbox.xero.data.UnknownTransactionException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.Supplier;

@Path("sandbox/admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    Sandbox sandbox;

    @GET
    @Path("stats")
    public JsonObject stats() {
        return sandbox.stats().toJson();
    }

    @POST
    @Path("reset")
    public Response reset() {
        sandbox.reset();
        return Response.noContent().build();
    }

    @GET
    @Path("config")
    public JsonObject config() {
        return SettingsChange.toJson(sandbox.settings(), sandbox.faultSettings());
    }

    @PUT
    @Path("config")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeConfig(JsonObject change) {
        try {
            FaultSettings faults = SettingsChange.applyFaults(sandbox.faultSettings(), change);
            boolean reseed = change.containsKey("faults") && change.getJsonObject("faults").containsKey("seed");
            sandbox.changeSettings(settings -> SettingsChange.apply(settings, change), faults, reseed);
            return Response.ok(SettingsChange.toJson(sandbox.settings(), sandbox.faultSettings())).build();
        } catch (RuntimeException e) {
            return Response.status(400).entity(XeroJson.error(XeroApiException.validation(e.getMessage()))).build();
        }
    }

    /**
     * Revokes the grants of one app ({@code clientId}) or of all: refreshing then answers 400 invalid_grant and
     * the Accounting API answers 401 to the access tokens already issued.
     */
    @POST
    @Path("xero/revoke-grants")
    public JsonObject revokeXeroGrants(@QueryParam("clientId") String clientId) {
        return JsonBuilders.object().add("revokedGrants", sandbox.xeroIdentity().revokeGrants(clientId)).build();
    }

    @POST
    @Path("xero/{tenantId}/bank-transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@PathParam("tenantId") String tenantId, JsonObject transaction) {
        return answer(() -> XeroJson.bankTransaction(ledger(tenantId).add(BankTransactionReader.read(transaction))),
                201);
    }

    @PUT
    @Path("xero/{tenantId}/bank-transactions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response edit(@PathParam("tenantId") String tenantId, @PathParam("id") UUID id, JsonObject transaction) {
        return answer(() -> XeroJson.bankTransaction(
                ledger(tenantId).replace(id, BankTransactionReader.read(transaction))), 200);
    }

    @DELETE
    @Path("xero/{tenantId}/bank-transactions/{id}")
    public Response delete(@PathParam("tenantId") String tenantId, @PathParam("id") UUID id) {
        return answer(() -> XeroJson.bankTransaction(ledger(tenantId).delete(id)), 200);
    }

    @POST
    @Path("xero/{tenantId}/bank-transactions/{id}/void")
    public Response voidTransaction(@PathParam("tenantId") String tenantId, @PathParam("id") UUID id) {
        return answer(() -> XeroJson.bankTransaction(ledger(tenantId).voidTransaction(id)), 200);
    }

    private OrganisationLedger ledger(String tenantId) {
        return sandbox.xeroLedgers().of(tenantId)
                .orElseThrow(() -> new NotFoundException("no organisation " + tenantId));
    }

    private static Response answer(Supplier<JsonObject> change, int status) {
        try {
            return Response.status(status).entity(change.get()).build();
        } catch (UnknownTransactionException e) {
            return Response.status(404).entity(XeroJson.error(
                    new XeroApiException(404, 404, "NotFound", e.getMessage()))).build();
        } catch (XeroApiException e) {
            return Response.status(e.httpStatus()).entity(XeroJson.error(e)).build();
        }
    }
}
