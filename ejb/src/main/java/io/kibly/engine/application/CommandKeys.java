package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keys that authenticate a tenant's corporate systems on the JMS command queue. A key is shown once, when
 * issued; only its digest is stored.
 */
public interface CommandKeys {

    /** Issues a key; the answer is the only time the key itself is seen. */
    Issued issue(@NotNull TenantId tenantId, @NotNull String user, @NotNull String label);

    List<CommandKey> list(@NotNull TenantId tenantId);

    /** Revokes a key at once: commands carrying it are refused from now on; {@link UnknownCommandKeyException} when the tenant has no such key. */
    CommandKey revoke(@NotNull TenantId tenantId, @NotNull String user, @NotNull UUID keyId);

    /** The tenant a presented key belongs to; empty when unknown or revoked. */
    Optional<TenantId> tenantOf(String presentedKey);

    record CommandKey(UUID id, String label, String createdBy, Instant createdAt, Instant revokedAt) {
    }

    record Issued(CommandKey key, String secret) {
    }
}
