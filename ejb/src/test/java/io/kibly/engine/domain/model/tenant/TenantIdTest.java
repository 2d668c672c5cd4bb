package io.kibly.engine.domain.model.tenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void equalIdsAreEqualTenants() {
        assertEquals(new TenantId("acme-1"), new TenantId("acme-1"));
    }

    @Test
    void rejectsEmptyOverlongAndOddIds() {
        assertThrows(IllegalArgumentException.class, () -> new TenantId(""));
        assertThrows(IllegalArgumentException.class, () -> new TenantId("a".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new TenantId("acme'; drop table integration;--"));
        assertThrows(IllegalArgumentException.class, () -> new TenantId(null));
    }
}
