package io.kibly.engine.domain.model.connection;

/** One organisation (Xero) or company (QuickBooks realm) that a grant covers. */
public record ProviderTenant(String id, String name) {
}
