package io.kibly.engine.domain.model.transaction;

import java.time.Instant;
import java.util.Objects;

/**
 * A provider's notice that a transaction was deleted, without its content (QuickBooks change data capture).
 * It marks a stored transaction DELETED and keeps everything else.
 */
public record ProviderDeletion(String providerId, Instant updatedAt) {
    public ProviderDeletion {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
