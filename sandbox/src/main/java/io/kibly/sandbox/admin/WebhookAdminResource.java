package io.kibly.sandbox.admin;

import io.kibly.sandbox.json.JsonBuilders;
import io.kibly.sandbox.runtime.Sandbox;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Sends a provider's webhook to {@code targetUrl}, signed as the provider signs it (or badly, or not at all), and
 * reports what the receiver answered; a bad request is 400 {@code {"error"}}. See {@link
 * io.kibly.sandbox.webhooks.Webhooks}.
 */
@Path("sandbox/admin/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookAdminResource {

    @Inject
    Sandbox sandbox;

    @POST
    @Path("xero")
    public Response xero(JsonObject request) {
        return answer(() -> sandbox.webhooks().xero(request));
    }

    @POST
    @Path("quickbooks")
    public Response quickBooks(JsonObject request) {
        return answer(() -> sandbox.webhooks().quickBooks(request));
    }

    private static Response answer(Supplier<JsonObject> delivery) {
        try {
            return Response.ok(delivery.get()).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(JsonBuilders.object().add("error", e.getMessage()).build()).build();
        }
    }
}
