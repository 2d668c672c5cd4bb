package io.kibly.sandbox.oauth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A client id and secret as a token request presents them; either may be null when the form lacks it. */
public record ClientCredentials(String clientId, String secret) {

    /**
     * The credentials of an HTTP Basic Authorization header (a missing colon means an empty secret), or null
     * when the header is not Basic; malformed Base64 is {@code invalid_client}.
     */
    public static ClientCredentials fromBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidClient("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new ClientCredentials(decoded, "")
                : new ClientCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /** {@code client_id} and {@code client_secret} of the form. */
    public static ClientCredentials fromForm(Map<String, String> form) {
        return new ClientCredentials(form.get("client_id"), form.get("client_secret"));
    }
}
