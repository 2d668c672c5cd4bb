package io.kibly.engine.interfaces.integration.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/integrations/{id}}: the new name and the {@code version} the caller last read
 * (a class, not a record: see {@link RegisterIntegrationRequest}).
 */
public final class RenameIntegrationRequest {

    @NotBlank
    @Size(max = 200)
    private final String name;

    @NotNull(message = "must be the version you last read")
    @Min(0)
    private final Long version;

    @JsonbCreator
    public RenameIntegrationRequest(@JsonbProperty("name") String name, @JsonbProperty("version") Long version) {
        this.name = name;
        this.version = version;
    }

    public String getName() {
        return name;
    }

    public Long getVersion() {
        return version;
    }
}
