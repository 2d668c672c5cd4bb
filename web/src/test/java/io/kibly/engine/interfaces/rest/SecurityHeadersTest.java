package io.kibly.engine.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    @Test
    void theConsolesPagesGetThePagePolicyAndEverythingElseTheStrictOne() {
        assertTrue(SecurityHeaders.isPage("/admin/"));
        assertTrue(SecurityHeaders.isPage("/admin/oauth-callback.html"));
        assertTrue(SecurityHeaders.isPage("/"));
        assertFalse(SecurityHeaders.isPage("/api/integrations"));
        assertFalse(SecurityHeaders.isPage("/administrator"));
        assertFalse(SecurityHeaders.isPage("/problem"));
    }

    @Test
    void theApiPolicyAllowsNothingAndThePagePolicyNoInlineCode() {
        assertTrue(SecurityHeaders.API_POLICY.startsWith("default-src 'none'"));
        assertFalse(SecurityHeaders.PAGE_POLICY.contains("unsafe-inline"));
        assertFalse(SecurityHeaders.PAGE_POLICY.contains("unsafe-eval"));
        assertTrue(SecurityHeaders.PAGE_POLICY.contains("frame-ancestors 'none'"));
    }
}
