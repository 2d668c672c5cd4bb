package io.kibly.sandbox.rest;

import io.kibly.sandbox.oauth.OAuthError;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** What the two providers' OAuth endpoints answer alike: redirects, token bodies and OAuth errors. */
final class OAuthResponses {

    private OAuthResponses() {
    }

    /** The answer {@code endpoint} builds, or its {@link OAuthError} as {@code {error, error_description}}. */
    static Response answer(Supplier<Response> endpoint) {
        try {
            return endpoint.get();
        } catch (OAuthError e) {
            return Response.status(e.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.json()).build();
        }
    }

    /** 302 to the URL an authorize request sends the browser back to. */
    static Response redirect(Supplier<String> location) {
        return answer(() -> Response.status(302).location(URI.create(location.get())).build());
    }

    /** 200 with the tokens, never to be cached. */
    static Response tokens(Supplier<JsonObject> tokens) {
        return answer(() -> Response.ok(tokens.get()).header("Cache-Control", "no-store").build());
    }

    /** The first value of each form field (null when the field came without one). */
    static Map<String, String> fields(MultivaluedMap<String, String> form) {
        Map<String, String> fields = new HashMap<>();
        form.forEach((name, values) -> fields.put(name, values.isEmpty() ? null : values.get(0)));
        return fields;
    }
}
