package io.kibly.engine.domain.model.integration;

/** Where an integration is in its life. */
public enum IntegrationStatus {
    /** Created; the tenant has not yet authorised the engine at the provider. */
    PENDING_AUTH,
    /** Authorised; syncs may run. */
    ACTIVE,
    /** The provider rejected our grant (revoked or expired): the tenant must authorise again. */
    NEEDS_REAUTH,
    /** Disconnected by the tenant: tokens erased, imported data kept. */
    DISCONNECTED
}
