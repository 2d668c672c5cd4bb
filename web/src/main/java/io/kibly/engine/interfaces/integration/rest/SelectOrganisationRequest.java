package io.kibly.engine.interfaces.integration.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/integrations/{id}/organisation}: which of the grant's organisations to sync. */
public final class SelectOrganisationRequest {

    @NotBlank
    @Size(max = 100)
    private final String tenantId;

    @JsonbCreator
    public SelectOrganisationRequest(@JsonbProperty("tenantId") String tenantId) {
        this.tenantId = tenantId;
    }

    public String getTenantId() {
        return tenantId;
    }
}
