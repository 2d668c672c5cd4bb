package io.kibly.engine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plays the user's browser in the OAuth flow against the sandbox: asks the engine for the consent URL, follows it
 * (the sandbox consents and redirects), and hands the callback's parameters back to the engine.
 */
final class ProviderConsent {

    static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private ProviderConsent() {
    }

    static String redirectUri() {
        return System.getProperty("kibly.it.baseUrl") + "/admin/oauth-callback.html";
    }

    static String authUrl(EngineClient admin, String integrationId) {
        EngineClient.Reply reply = admin.get("/api/integrations/" + integrationId + "/auth-url?redirectUri="
                + URLEncoder.encode(redirectUri(), StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getString("authUrl");
    }

    /** Follows the consent URL; the sandbox consents and redirects to the redirect URI with code and state. */
    static Map<String, String> consent(String authUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(URI.create(authUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response.body());
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(redirectUri()), location);
        return query(location);
    }

    static String callbackBody(Map<String, String> callback) {
        var body = Json.createObjectBuilder().add("code", callback.get("code")).add("state", callback.get("state"));
        if (callback.containsKey("realmId")) {
            body.add("realmId", callback.get("realmId"));
        }
        return body.build().toString();
    }

    /** Registers and connects an integration of the provider; for Xero also chooses the organisation. */
    static String connected(EngineClient admin, String provider, String name, String xeroOrganisation)
            throws IOException, InterruptedException {
        String id = admin.registerIntegration(provider, name, "accounting").json().getString("id");
        Map<String, String> callback = consent(authUrl(admin, id));
        assertEquals(200, admin.post("/api/integrations/oauth/callback", callbackBody(callback)).status());
        if (xeroOrganisation != null) {
            assertEquals(200, admin.send("PUT", "/api/integrations/" + id + "/organisation",
                    "{\"tenantId\":\"" + xeroOrganisation + "\"}", Map.of()).status());
        }
        return id;
    }

    static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
