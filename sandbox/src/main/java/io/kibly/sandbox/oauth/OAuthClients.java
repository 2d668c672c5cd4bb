package io.kibly.sandbox.oauth;

import io.kibly.sandbox.config.OAuthClient;

import java.util.List;
import java.util.Map;

/** The apps registered with one provider's OAuth service. */
public final class OAuthClients {

    private final Map<String, OAuthClient> byId;

    public OAuthClients(List<OAuthClient> clients) {
        this.byId = OAuthClient.byId(clients);
    }

    public boolean contains(String clientId) {
        return clientId != null && byId.containsKey(clientId);
    }

    /** Whether the credentials name a registered client with exactly that secret. */
    public boolean verifies(ClientCredentials credentials) {
        OAuthClient client = credentials.clientId() == null ? null : byId.get(credentials.clientId());
        return client != null && client.secret().equals(credentials.secret());
    }

    /**
     * The checks of an authorize request whose failures cannot be sent back through the redirect URI, so they
     * are thrown: an unknown client, no redirect URI, or one the client has not registered.
     */
    public void checkAuthorizeRequest(String clientId, String redirectUri) {
        if (!contains(clientId)) {
            throw OAuthError.invalidRequest("unknown client_id");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            throw OAuthError.invalidRequest("redirect_uri is required");
        }
        if (!byId.get(clientId).acceptsRedirectUri(redirectUri)) {
            throw OAuthError.invalidRequest("redirect_uri mismatch: " + redirectUri
                    + " is not registered for this client");
        }
    }
}
