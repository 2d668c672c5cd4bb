package io.kibly.engine.interfaces.integration.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/integrations/{id}}: the new name and the {@code version} the caller last read
 * (a class, not a record: see {@link RegisterIntegrationRequest}).
 */
public final class RenameIntegrationRequest {

    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 200)
    private final String name;

    @Min(0)
    @Max(10_080)
    private final Integer syncIntervalMinutes;

    @NotNull(message = "must be the version you last read")
    @Min(0)
    private final Long version;

    @JsonbCreator
    public RenameIntegrationRequest(@JsonbProperty("name") String name,
            @JsonbProperty("syncIntervalMinutes") Integer syncIntervalMinutes, @JsonbProperty("version") Long version) {
        this.name = name;
        this.syncIntervalMinutes = syncIntervalMinutes;
        this.version = version;
    }

    /** Minutes between scheduled incremental syncs (0: none), or absent to leave it. */
    public Integer getSyncIntervalMinutes() {
        return syncIntervalMinutes;
    }

    @jakarta.validation.constraints.AssertTrue(message = "name or syncIntervalMinutes is required")
    public boolean isChangingSomething() {
        return name != null || syncIntervalMinutes != null;
    }

    public String getName() {
        return name;
    }

    public Long getVersion() {
        return version;
    }
}
