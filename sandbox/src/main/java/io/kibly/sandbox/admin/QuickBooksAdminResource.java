package io.kibly.sandbox.admin;

import io.kibly.sandbox.json.JsonBuilders;
import io.kibly.sandbox.quickbooks.EntityLedger;
import io.kibly.sandbox.quickbooks.QuickBooksEntityReader;
import io.kibly.sandbox.quickbooks.QuickBooksJson;
import io.kibly.sandbox.quickbooks.RealmBooks;
import io.kibly.sandbox.quickbooks.UnknownEntityException;
import io.kibly.sandbox.runtime.Sandbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * QuickBooks changes: Purchases and Deposits of a realm added (201), edited (SyncToken + 1) and deleted (CDC
 * then reports them deleted), each stamping LastUpdatedTime with now; and grants revoked.
 */
@Path("sandbox/admin/quickbooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QuickBooksAdminResource {

    @Inject
    Sandbox sandbox;

    /** Refreshing then answers 400 invalid_grant and the API answers 401 to the access tokens already issued. */
    @POST
    @Path("revoke-grants")
    public JsonObject revokeGrants(@QueryParam("clientId") String clientId) {
        return JsonBuilders.object()
                .add("revokedGrants", sandbox.quickBooksIdentity().revokeGrants(clientId)).build();
    }

    @POST
    @Path("{realmId}/purchases")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addPurchase(@PathParam("realmId") String realmId, JsonObject purchase) {
        return answer(() -> QuickBooksJson.purchase(realm(realmId).purchases()
                .add(QuickBooksEntityReader.purchase(purchase))), 201);
    }

    @PUT
    @Path("{realmId}/purchases/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response editPurchase(@PathParam("realmId") String realmId, @PathParam("id") String id,
                                 JsonObject purchase) {
        return answer(() -> QuickBooksJson.purchase(realm(realmId).purchases()
                .replace(id, QuickBooksEntityReader.purchase(purchase))), 200);
    }

    @DELETE
    @Path("{realmId}/purchases/{id}")
    public Response deletePurchase(@PathParam("realmId") String realmId, @PathParam("id") String id) {
        return delete(realmId, id, RealmBooks::purchases);
    }

    @POST
    @Path("{realmId}/deposits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addDeposit(@PathParam("realmId") String realmId, JsonObject deposit) {
        return answer(() -> QuickBooksJson.deposit(realm(realmId).deposits()
                .add(QuickBooksEntityReader.deposit(deposit))), 201);
    }

    @PUT
    @Path("{realmId}/deposits/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response editDeposit(@PathParam("realmId") String realmId, @PathParam("id") String id,
                                JsonObject deposit) {
        return answer(() -> QuickBooksJson.deposit(realm(realmId).deposits()
                .replace(id, QuickBooksEntityReader.deposit(deposit))), 200);
    }

    @DELETE
    @Path("{realmId}/deposits/{id}")
    public Response deleteDeposit(@PathParam("realmId") String realmId, @PathParam("id") String id) {
        return delete(realmId, id, RealmBooks::deposits);
    }

    private Response delete(String realmId, String id, Function<RealmBooks, EntityLedger<?>> ledger) {
        return answer(() -> QuickBooksJson.deleted(ledger.apply(realm(realmId)).delete(id)), 200);
    }

    private RealmBooks realm(String realmId) {
        return sandbox.quickBooksBooks().of(realmId).orElseThrow(() -> new UnknownRealm(realmId));
    }

    private static Response answer(Supplier<JsonObject> change, int status) {
        try {
            return Response.status(status).entity(change.get()).build();
        } catch (UnknownRealm | UnknownEntityException e) {
            return fault(404, "ValidationFault", "610", "Object Not Found", e.getMessage());
        } catch (IllegalArgumentException e) {
            return fault(400, "ValidationFault", "2020", "Required param missing, need to supply the required "
                    + "value for the API", e.getMessage());
        }
    }

    private static Response fault(int status, String type, String code, String message, String detail) {
        return Response.status(status).entity(QuickBooksJson.fault(type, code, message, detail, Instant.now()))
                .build();
    }

    private static final class UnknownRealm extends RuntimeException {
        UnknownRealm(String realmId) {
            super("no realm " + realmId);
        }
    }
}
