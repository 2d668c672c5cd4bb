package io.kibly.engine.interfaces.rest;

/**
 * The {@code WWW-Authenticate} challenge of every 401 (RFC 6750 section 3): a request without a token learns only
 * the scheme and realm; one whose token was refused also gets {@code error="invalid_token"} and a fixed
 * description. Descriptions are constants, never built from the request: nothing of the token is echoed.
 */
public final class BearerChallenge {

    public static final String MISSING = "Bearer realm=\"kibly\"";

    /** The token is not one the engine verifies (signature, issuer, expiry): Payara refused it. */
    public static final String INVALID = invalid("The access token is malformed, expired or not from the trusted issuer");

    /** Verified, but it names no valid tenant: the engine cannot act for anyone with it. */
    public static final String NO_TENANT = invalid("The access token names no valid tenant");

    private BearerChallenge() {
    }

    /** {@link #MISSING} when the request carried no bearer token, else {@link #INVALID}. */
    public static String forRequest(String authorizationHeader) {
        return authorizationHeader == null || authorizationHeader.isBlank() ? MISSING : INVALID;
    }

    private static String invalid(String description) {
        return MISSING + ", error=\"invalid_token\", error_description=\"" + description + "\"";
    }
}
