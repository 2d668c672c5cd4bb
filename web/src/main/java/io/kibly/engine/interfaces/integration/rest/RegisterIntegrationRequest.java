package io.kibly.engine.interfaces.integration.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/integrations}. A class rather than a record: Payara's OpenAPI generator fails on
 * Bean Validation annotations on record components.
 */
public final class RegisterIntegrationRequest {

    @NotNull
    @Pattern(regexp = "xero|quickbooks", message = "must be one of: xero, quickbooks")
    private final String provider;

    @NotBlank
    @Size(max = 200)
    private final String name;

    @NotNull
    @Pattern(regexp = "accounting|bank", message = "must be one of: accounting, bank")
    private final String integrationType;

    @JsonbCreator
    public RegisterIntegrationRequest(@JsonbProperty("provider") String provider, @JsonbProperty("name") String name,
            @JsonbProperty("integrationType") String integrationType) {
        this.provider = provider;
        this.name = name;
        this.integrationType = integrationType;
    }

    public String getProvider() {
        return provider;
    }

    public String getName() {
        return name;
    }

    public String getIntegrationType() {
        return integrationType;
    }
}
