package io.kibly.engine.interfaces.webhook.rest;

import io.kibly.engine.application.WebhookService;
import io.kibly.engine.application.WebhookService.ProviderEvent;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.infrastructure.security.WebhookSignatures;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The providers' webhook deliveries. Public, but nothing is believed before the signature over the raw body
 * checks out: a bad or missing signature answers 401 with an empty body (as Xero's intent-to-receive expects)
 * and changes nothing. Valid deliveries answer at once; the syncs they start run in the workers.
 */
@Path("webhooks")
@ApplicationScoped
@PermitAll
@Tag(name = "Webhooks", description = "Provider notifications (signed by the provider, no bearer token)")
public class WebhookResource {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(WebhookResource.class.getName());

    @Inject
    WebhookSignatures signatures;

    @Inject
    WebhookService webhooks;

    @POST
    @Path("xero")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Xero webhook", description = """
            Signed with `x-xero-signature` (base64 HMAC-SHA256 of the body with the app's webhook key). The
            intent-to-receive delivery (no events) answers 200 when the signature is good, 401 otherwise. Each
            new event (deduplicated) starts an incremental sync of the integrations of its organisation
            (tenantId).""")
    @APIResponse(responseCode = "200", description = "Accepted (empty body)")
    @APIResponse(responseCode = "401", description = "Bad or missing signature (empty body)")
    public Response xero(@HeaderParam("x-xero-signature") String signature, byte[] body) {
        if (!signatures.valid(Provider.XERO, body, signature)) {
            return unsigned("x-xero-signature");
        }
        JsonObject payload = parse(body).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT)
                .map(JsonValue::asJsonObject).orElse(null);
        if (payload == null || !(payload.get("events") instanceof JsonArray events)) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        List<ProviderEvent> received = new ArrayList<>();
        for (JsonValue value : events) {
            if (value instanceof JsonObject event && event.get("tenantId") instanceof jakarta.json.JsonString tenant
                    && storable(tenant)) {
                // Xero's events carry no id: the whole event is its identity
                received.add(new ProviderEvent(digest(event.toString()), tenant.getString()));
            }
        }
        webhooks.receive(Provider.XERO, received);
        return Response.ok().build();
    }

    @POST
    @Path("quickbooks")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "QuickBooks Online webhook", description = """
            Signed with `intuit-signature` (base64 HMAC-SHA256 of the body with the verifier token); a JSON array
            of CloudEvents 1.0 (`id`, `type` such as `qbo.purchase.created.v1`, `intuitaccountid` = the realm).
            Each new event id starts an incremental sync of the integrations of its realm.""")
    @APIResponse(responseCode = "200", description = "Accepted (empty body)")
    @APIResponse(responseCode = "401", description = "Bad or missing signature (empty body)")
    public Response quickbooks(@HeaderParam("intuit-signature") String signature, byte[] body) {
        if (!signatures.valid(Provider.QUICKBOOKS, body, signature)) {
            return unsigned("intuit-signature");
        }
        JsonArray events = parse(body).filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                .map(JsonValue::asJsonArray).orElse(null);
        if (events == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        List<ProviderEvent> received = new ArrayList<>();
        for (JsonValue value : events) {
            if (value instanceof JsonObject event && event.get("id") instanceof jakarta.json.JsonString id
                    && event.get("intuitaccountid") instanceof jakarta.json.JsonString realm && storable(realm)) {
                received.add(new ProviderEvent(digest(id.getString()), realm.getString()));
            }
        }
        webhooks.receive(Provider.QUICKBOOKS, received);
        return Response.ok().build();
    }

    /**
     * 401 with an empty body, as Xero's intent-to-receive expects. An empty entity, not none: a response without
     * one is handed to the container's error page, which would write a problem body. The challenge names the
     * header the signature belongs in (a 401 must carry one; these callers use no bearer token).
     */
    private static Response unsigned(String header) {
        return Response.status(Response.Status.UNAUTHORIZED).type(MediaType.TEXT_PLAIN_TYPE).entity(new byte[0])
                .header(jakarta.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE,
                        "Signature realm=\"webhooks\", header=\"" + header + "\"")
                .build();
    }

    /**
     * Whether an event's organisation can be looked up at all: text PostgreSQL cannot store (U+0000) names no
     * organisation the engine has, and comparing it in SQL failed the whole delivery with a 500 (which the
     * provider retries). Such an event is skipped like one without an organisation.
     */
    private static boolean storable(jakarta.json.JsonString organisation) {
        if (io.kibly.engine.application.InputRules.storable(organisation.getString())) {
            return true;
        }
        LOG.warning("Skipped a signed webhook event whose organisation id is not storable text");
        return false;
    }

    private static java.util.Optional<JsonValue> parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return java.util.Optional.of(reader.readValue());
        } catch (JsonException | IllegalStateException e) {
            return java.util.Optional.empty();
        }
    }

    /** A fixed-length key for the deduplication table, whatever the event's size. */
    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
