package io.kibly.sandbox.oauth;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonObject;

/** An OAuth 2.0 error ({@code {"error": "invalid_grant"}}) and the HTTP status it comes with. */
public class OAuthError extends RuntimeException {

    private final int httpStatus;
    private final String error;

    public OAuthError(int httpStatus, String error, String description) {
        super(description);
        this.httpStatus = httpStatus;
        this.error = error;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    /** {@code {error, error_description}}, the body both providers answer an OAuth error with. */
    public JsonObject json() {
        return JsonBuilders.object().add("error", error).add("error_description", getMessage()).build();
    }
}
