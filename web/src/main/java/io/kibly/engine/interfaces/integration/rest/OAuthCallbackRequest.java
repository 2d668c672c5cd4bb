package io.kibly.engine.interfaces.integration.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/integrations/oauth/callback}: what the provider sent to the redirect URI
 * ({@code realmId} only from QuickBooks). A class, not a record: see {@link RegisterIntegrationRequest}.
 */
public final class OAuthCallbackRequest {

    @NotBlank
    @Size(max = 2048)
    private final String code;

    @NotBlank
    @Size(max = 200)
    private final String state;

    @Size(max = 100)
    private final String realmId;

    @JsonbCreator
    public OAuthCallbackRequest(@JsonbProperty("code") String code, @JsonbProperty("state") String state,
            @JsonbProperty("realmId") String realmId) {
        this.code = code;
        this.state = state;
        this.realmId = realmId;
    }

    public String getCode() {
        return code;
    }

    public String getState() {
        return state;
    }

    public String getRealmId() {
        return realmId;
    }
}
