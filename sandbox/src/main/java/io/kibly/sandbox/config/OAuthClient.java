package io.kibly.sandbox.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An app allowed to use a provider's OAuth service. With no registered redirect URIs any URI is accepted (the
 * sandbox's first behaviour, kept for compatibility); otherwise only an exact match, as the providers do.
 */
public record OAuthClient(String id, String secret, List<String> redirectUris) {

    public OAuthClient {
        redirectUris = List.copyOf(redirectUris);
    }

    public boolean acceptsRedirectUri(String uri) {
        return redirectUris.isEmpty() || redirectUris.contains(uri);
    }

    /**
     * Parses {@code id:secret[:uri1|uri2],...}. The secret ends at the second colon, so a secret may not hold
     * one; the URIs (which do) take the rest.
     */
    public static List<OAuthClient> parseList(String text) {
        List<OAuthClient> clients = new ArrayList<>();
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":", 3);
            if (parts[0].isBlank()) {
                continue;
            }
            String secret = parts.length > 1 ? parts[1] : "";
            List<String> uris = new ArrayList<>();
            if (parts.length > 2) {
                for (String uri : parts[2].split("\\|")) {
                    if (!uri.isBlank()) {
                        uris.add(uri.trim());
                    }
                }
            }
            clients.add(new OAuthClient(parts[0], secret, uris));
        }
        return clients;
    }

    public static Map<String, OAuthClient> byId(List<OAuthClient> clients) {
        Map<String, OAuthClient> byId = new LinkedHashMap<>();
        clients.forEach(c -> byId.put(c.id(), c));
        return byId;
    }
}
