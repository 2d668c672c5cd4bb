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

    /** Its {@code nbf} is later than now (beyond the allowed clock skew). */
    public static final String NOT_YET_VALID = invalid("The access token is not valid yet (nbf)");

    /** Its {@code iat} is later than now (beyond the allowed clock skew). */
    public static final String ISSUED_IN_FUTURE = invalid("The access token was issued in the future (iat)");

    /** Its {@code groups} claim is not an array of strings. */
    public static final String BAD_GROUPS = invalid("The access token's groups claim must be an array of strings");

    private BearerChallenge() {
    }

    /** {@link #MISSING} when the request carried no bearer token, else {@link #INVALID}. */
    public static String forRequest(String authorizationHeader) {
        return authorizationHeader == null || authorizationHeader.isBlank() ? MISSING : INVALID;
    }

    /** The description of an {@code invalid_token} challenge (a constant of this class), for a problem's detail. */
    public static String description(String challenge) {
        int start = challenge.indexOf("error_description=\"");
        return start < 0 ? "A valid bearer token is required"
                : challenge.substring(start + "error_description=\"".length(), challenge.length() - 1);
    }

    private static String invalid(String description) {
        return MISSING + ", error=\"invalid_token\", error_description=\"" + description + "\"";
    }
}
