package io.kibly.engine.infrastructure.provider;

import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.ProviderAuthorization;
import io.kibly.engine.application.ProviderUnavailableException;
import io.kibly.engine.domain.model.connection.InvalidAuthorizationException;
import io.kibly.engine.domain.model.connection.ProviderTenant;
import io.kibly.engine.domain.model.integration.Provider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The providers' OAuth 2.0 endpoints as they really are: Xero (login.xero.com authorize, identity.xero.com token
 * with HTTP Basic client authentication and PKCE, api.xero.com/connections) and Intuit (appcenter authorize with
 * {@code realmId} on the callback, oauth.platform.intuit.com token). Base URLs and credentials are configuration;
 * by default the launcher points them at the sandbox.
 */
@ApplicationScoped
public class HttpProviderAuthorization implements ProviderAuthorization {

    static final String XERO_SCOPES = "offline_access accounting.transactions.read accounting.settings.read";
    /** openid: the token response then carries an id_token with the authorize request's nonce and the realm. */
    static final String QUICKBOOKS_SCOPES = "com.intuit.quickbooks.accounting openid";

    @Inject
    @ConfigProperty(name = "kibly.xero.login-url", defaultValue = "https://login.xero.com")
    String xeroLoginUrl;
    @Inject
    @ConfigProperty(name = "kibly.xero.identity-url", defaultValue = "https://identity.xero.com")
    String xeroIdentityUrl;
    @Inject
    @ConfigProperty(name = "kibly.xero.api-url", defaultValue = "https://api.xero.com")
    String xeroApiUrl;
    @Inject
    @ConfigProperty(name = "kibly.xero.client-id", defaultValue = "")
    String xeroClientId;
    @Inject
    @ConfigProperty(name = "kibly.xero.client-secret", defaultValue = "")
    String xeroClientSecret;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.appcenter-url", defaultValue = "https://appcenter.intuit.com")
    String quickbooksAppcenterUrl;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.oauth-url", defaultValue = "https://oauth.platform.intuit.com")
    String quickbooksOauthUrl;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.api-url", defaultValue = "https://quickbooks.api.intuit.com")
    String quickbooksApiUrl;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.revoke-url", defaultValue = "https://developer.api.intuit.com")
    String quickbooksRevokeUrl;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.client-id", defaultValue = "")
    String quickbooksClientId;
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.client-secret", defaultValue = "")
    String quickbooksClientSecret;

    @Inject
    Clock clock;

    private final Client http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(20, TimeUnit.SECONDS).build();

    @PreDestroy
    void close() {
        http.close();
    }

    @Override
    public URI authorizationUrl(Provider provider, String state, String redirectUri, String codeChallenge,
            String nonce) {
        if (provider == Provider.XERO) {
            UriBuilder url = UriBuilder.fromUri(xeroLoginUrl).path("identity/connect/authorize")
                    .queryParam("response_type", "code").queryParam("client_id", xeroClientId)
                    .queryParam("redirect_uri", redirectUri).queryParam("scope", XERO_SCOPES)
                    .queryParam("state", state);
            if (codeChallenge != null) {
                url.queryParam("code_challenge", codeChallenge).queryParam("code_challenge_method", "S256");
            }
            return url.build();
        }
        UriBuilder url = UriBuilder.fromUri(quickbooksAppcenterUrl).path("connect/oauth2")
                .queryParam("client_id", quickbooksClientId).queryParam("response_type", "code")
                .queryParam("scope", QUICKBOOKS_SCOPES).queryParam("redirect_uri", redirectUri)
                .queryParam("state", state);
        if (nonce != null) {
            url.queryParam("nonce", nonce);
        }
        return url.build();
    }

    @Override
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public Grant exchange(Provider provider, String code, String redirectUri, String codeVerifier) {
        Form form = new Form().param("grant_type", "authorization_code").param("code", code)
                .param("redirect_uri", redirectUri);
        if (codeVerifier != null) {
            form.param("code_verifier", codeVerifier);
        }
        JsonObject tokens = call(provider, () -> http.target(tokenEndpoint(provider))
                .request(MediaType.APPLICATION_JSON_TYPE).header("Authorization", basic(provider))
                .post(Entity.form(form)));
        return grant(tokens);
    }

    private URI tokenEndpoint(Provider provider) {
        return provider == Provider.XERO
                ? UriBuilder.fromUri(xeroIdentityUrl).path("connect/token").build()
                : UriBuilder.fromUri(quickbooksOauthUrl).path("oauth2/v1/tokens/bearer").build();
    }

    /** HTTP Basic client authentication, as both providers' token endpoints take it. */
    private String basic(Provider provider) {
        String credentials = provider == Provider.XERO ? xeroClientId + ":" + xeroClientSecret
                : quickbooksClientId + ":" + quickbooksClientSecret;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private Grant grant(JsonObject tokens) {
        Instant expiresAt = clock.instant().plusSeconds(tokens.getJsonNumber("expires_in").longValue());
        return new Grant(tokens.getString("access_token"),
                tokens.containsKey("refresh_token") ? tokens.getString("refresh_token") : null, expiresAt,
                identity(tokens.getString("id_token", null)));
    }

    /**
     * The nonce and realm claims of an id_token. Its signature is not checked: it came straight from the
     * provider's token endpoint over TLS, in answer to the engine's own authenticated request, which OpenID Connect
     * Core (3.1.3.7) accepts in place of the signature. Null when there is none or it cannot be read.
     */
    static ProviderAuthorization.Identity identity(String idToken) {
        if (idToken == null) {
            return null;
        }
        String[] parts = idToken.split("\\.", -1);
        if (parts.length < 2) {
            return null;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(
                Base64.getUrlDecoder().decode(parts[1])))) {
            JsonObject claims = reader.readObject();
            return new ProviderAuthorization.Identity(claims.getString("nonce", null), claims.getString("realmid", null));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public Grant refresh(Provider provider, String refreshToken) {
        Form form = new Form().param("grant_type", "refresh_token").param("refresh_token", refreshToken);
        try (Response response = send(() -> http.target(tokenEndpoint(provider)).request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", basic(provider)).post(Entity.form(form)))) {
            if (response.getStatus() == 400 || response.getStatus() == 401) {
                throw new GrantRevokedException("The provider refused the refresh token (" + errorCode(response) + ")");
            }
            requireSuccess(response);
            return grant(response.readEntity(JsonObject.class));
        }
    }

    @Override
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public void checkAccess(Provider provider, String accessToken, String providerTenantId) {
        URI probe = provider == Provider.XERO
                ? UriBuilder.fromUri(xeroApiUrl).path("api.xro/2.0/BankTransactions").queryParam("pageSize", 1).build()
                : UriBuilder.fromUri(quickbooksApiUrl).path("v3/company/{realm}/query")
                        .queryParam("query", "SELECT * FROM Purchase STARTPOSITION 1 MAXRESULTS 1").build(providerTenantId);
        try (Response response = send(() -> http.target(probe).request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + accessToken).header("xero-tenant-id", providerTenantId).get())) {
            if (response.getStatus() == 401 || response.getStatus() == 403) {
                throw new GrantRevokedException("The provider refused the access token (HTTP " + response.getStatus() + ")");
            }
            requireSuccess(response);
        }
    }

    @Override
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public void revoke(Provider provider, String accessToken, String refreshToken, String providerTenantId) {
        if (provider == Provider.QUICKBOOKS) {
            String token = refreshToken != null ? refreshToken : accessToken;
            try (Response response = send(() -> http.target(UriBuilder.fromUri(quickbooksRevokeUrl)
                            .path("v2/oauth2/tokens/revoke")).request(MediaType.APPLICATION_JSON_TYPE)
                    .header("Authorization", basic(provider))
                    .post(Entity.json(jakarta.json.Json.createObjectBuilder().add("token", token).build())))) {
                requireSuccess(response);
            }
            return;
        }
        JsonArray connections = callForArray(() -> http.target(UriBuilder.fromUri(xeroApiUrl).path("connections"))
                .request(MediaType.APPLICATION_JSON_TYPE).header("Authorization", "Bearer " + accessToken).get());
        for (JsonValue value : connections) {
            JsonObject connection = value.asJsonObject();
            if (providerTenantId == null || providerTenantId.equals(connection.getString("tenantId", null))) {
                try (Response response = send(() -> http.target(UriBuilder.fromUri(xeroApiUrl).path("connections/{id}"))
                        .resolveTemplate("id", connection.getString("id")).request()
                        .header("Authorization", "Bearer " + accessToken).delete())) {
                    if (response.getStatus() != 404) {
                        requireSuccess(response);
                    }
                }
            }
        }
    }

    @Override
    @Timeout(value = 30, unit = java.time.temporal.ChronoUnit.SECONDS)
    public List<ProviderTenant> tenants(Provider provider, String accessToken, String realmId) {
        if (provider == Provider.QUICKBOOKS) {
            if (realmId == null || realmId.isBlank()) {
                throw new InvalidAuthorizationException("realmId is required to complete a QuickBooks authorisation");
            }
            return List.of(new ProviderTenant(realmId, ""));
        }
        JsonArray connections = callForArray(() -> http.target(UriBuilder.fromUri(xeroApiUrl).path("connections"))
                .request(MediaType.APPLICATION_JSON_TYPE).header("Authorization", "Bearer " + accessToken).get());
        return connections.stream().map(JsonValue::asJsonObject)
                .filter(c -> "ORGANISATION".equals(c.getString("tenantType", "ORGANISATION")))
                .map(c -> new ProviderTenant(c.getString("tenantId"), c.getString("tenantName", "")))
                .toList();
    }

    private JsonObject call(Provider provider, java.util.function.Supplier<Response> request) {
        try (Response response = send(request)) {
            if (response.getStatus() == 400 || response.getStatus() == 401) {
                String error = errorCode(response);
                throw new InvalidAuthorizationException("The provider refused the authorisation code (" + error + ")");
            }
            requireSuccess(response);
            return response.readEntity(JsonObject.class);
        }
    }

    private JsonArray callForArray(java.util.function.Supplier<Response> request) {
        try (Response response = send(request)) {
            requireSuccess(response);
            return response.readEntity(JsonArray.class);
        }
    }

    private static Response send(java.util.function.Supplier<Response> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException("The provider cannot be reached: " + e.getClass().getSimpleName());
        }
    }

    private static void requireSuccess(Response response) {
        if (response.getStatus() >= 300) {
            throw new ProviderUnavailableException("The provider answered HTTP " + response.getStatus());
        }
    }

    /** The OAuth error code only ({@code invalid_grant}, ...): the description might echo what was sent. */
    private static String errorCode(Response response) {
        try {
            String error = response.readEntity(JsonObject.class).getString("error", "error");
            return error.matches("[a-z_]{1,40}") ? error : "error";
        } catch (RuntimeException e) {
            return "HTTP " + response.getStatus();
        }
    }
}
