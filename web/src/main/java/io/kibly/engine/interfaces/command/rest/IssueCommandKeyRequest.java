package io.kibly.engine.interfaces.command.rest;

import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/command-keys}: a label saying which corporate system holds the key. */
public final class IssueCommandKeyRequest {

    @NotNull(message = "is required")
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Size(max = 100)
    private final String label;

    @JsonbCreator
    public IssueCommandKeyRequest(@JsonbProperty("label") String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
