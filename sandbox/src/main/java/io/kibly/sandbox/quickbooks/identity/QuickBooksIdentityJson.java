package io.kibly.sandbox.quickbooks.identity;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonObject;

/**
 * {@code {access_token, expires_in, token_type, refresh_token, x_refresh_token_expires_in[, id_token]}}; errors are
 * {@link io.kibly.sandbox.oauth.OAuthError#json()}.
 */
public final class QuickBooksIdentityJson {

    private QuickBooksIdentityJson() {
    }

    public static JsonObject tokens(QuickBooksTokens tokens) {
        var json = JsonBuilders.object()
                .add("access_token", tokens.accessToken())
                .add("expires_in", tokens.expiresIn())
                .add("token_type", tokens.tokenType())
                .add("refresh_token", tokens.refreshToken())
                .add("x_refresh_token_expires_in", tokens.refreshTokenExpiresIn());
        if (tokens.idToken() != null) {
            json.add("id_token", tokens.idToken());
        }
        return json.build();
    }
}
