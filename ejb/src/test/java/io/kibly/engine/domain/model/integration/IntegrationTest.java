package io.kibly.engine.domain.model.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntegrationTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aNewIntegrationAwaitsAuthorisationWithATrimmedName() {
        Integration integration = new Integration(TENANT, Provider.XERO, IntegrationType.ACCOUNTING, "  Main books ", NOW);

        assertEquals(IntegrationStatus.PENDING_AUTH, integration.status());
        assertEquals("Main books", integration.name());
        assertEquals(TENANT, integration.tenantId());
        assertEquals(NOW, integration.createdAt());
        assertTrue(integration.lastSyncRequestedAt().isEmpty());
    }

    @Test
    void eachIntegrationGetsItsOwnId() {
        Integration first = new Integration(TENANT, Provider.XERO, IntegrationType.BANK, "a", NOW);
        Integration second = new Integration(TENANT, Provider.XERO, IntegrationType.BANK, "a", NOW);

        assertNotEquals(first.id(), second.id());
    }

    @Test
    void rejectsABlankOrOverlongName() {
        assertThrows(IllegalArgumentException.class,
                () -> new Integration(TENANT, Provider.QUICKBOOKS, IntegrationType.BANK, "   ", NOW));
        assertThrows(IllegalArgumentException.class,
                () -> new Integration(TENANT, Provider.QUICKBOOKS, IntegrationType.BANK, "x".repeat(201), NOW));
    }

    @Test
    void theAcknowledgedSyncRequestTimeNeverMovesBack() {
        Integration integration = new Integration(TENANT, Provider.XERO, IntegrationType.ACCOUNTING, "books", NOW);

        integration.acknowledgeSyncRequest(NOW.plusSeconds(60));
        integration.acknowledgeSyncRequest(NOW.plusSeconds(30));

        assertEquals(NOW.plusSeconds(60), integration.lastSyncRequestedAt().orElseThrow());
    }

    @Test
    void providersAndTypesAreSpelledInLowerCaseOnTheApi() {
        assertEquals(Provider.QUICKBOOKS, Provider.fromApiName("quickbooks").orElseThrow());
        assertTrue(Provider.fromApiName("XERO").isEmpty());
        assertEquals(IntegrationType.BANK, IntegrationType.fromApiName("bank").orElseThrow());
    }
}
