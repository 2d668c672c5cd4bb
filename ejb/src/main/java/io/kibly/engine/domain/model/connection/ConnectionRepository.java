package io.kibly.engine.domain.model.connection;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Authorisation attempts and provider connections, always seen through their tenant. */
public interface ConnectionRepository {

    void store(AuthorizationAttempt attempt);

    /** The attempt with this state hash, whoever started it (the attempt itself checks the caller). */
    Optional<AuthorizationAttempt> attemptByStateHash(String stateHash);

    /** Stores the integration's connection, replacing an earlier one. */
    void store(ProviderConnection connection);

    Optional<ProviderConnection> connectionOf(TenantId tenantId, UUID integrationId);

    /** Erases the connection (its tokens) for good. */
    void remove(ProviderConnection connection);

    /** Every connection of the tenant. */
    java.util.List<ProviderConnection> connectionsOf(TenantId tenantId);

    /**
     * The connection, locked until the transaction ends ({@code SELECT ... FOR UPDATE}): concurrent refreshes of
     * one connection queue here, so only the first one calls the provider.
     */
    Optional<ProviderConnection> lockedConnectionOf(TenantId tenantId, UUID integrationId);
}
