package io.kibly.engine.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublishedSandboxSecretsTest {

    private static final String SANDBOX = "http://localhost:30090";

    /** The launcher's defaults: every URL at the sandbox, every secret the sandbox's. */
    private static Map<String, String> sandboxSettings() {
        Map<String, String> settings = new HashMap<>();
        ProviderSecretsCheck.DEFAULT_URLS.keySet().forEach(url -> settings.put(url, SANDBOX));
        settings.put("kibly.xero.client-secret", "kibly-sandbox-secret");
        settings.put("kibly.webhooks.xero-key", "kibly-sandbox-webhook-key");
        settings.put("kibly.quickbooks.client-secret", "kibly-qbo-secret");
        settings.put("kibly.webhooks.quickbooks-verifier-token", "kibly-sandbox-verifier-token");
        return settings;
    }

    private static List<String> findings(Map<String, String> settings) {
        return PublishedSandboxSecrets.findings(settings::get, ProviderSecretsCheck.DEFAULT_URLS);
    }

    @Test
    void theSandboxWithItsOwnSecretsIsFine() {
        assertEquals(List.of(), findings(sandboxSettings()));
    }

    @Test
    void aRealXeroUrlWithTheSandboxSecretsNamesBothSecretsToChange() {
        Map<String, String> settings = sandboxSettings();
        settings.put("kibly.xero.identity-url", "https://identity.xero.com");

        List<String> findings = findings(settings);

        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("kibly.webhooks.xero-key (environment KIBLY_WEBHOOKS_XERO_KEY)"),
                findings.get(0));
        assertTrue(findings.get(1).startsWith("kibly.xero.client-secret (environment KIBLY_XERO_CLIENT_SECRET)"),
                findings.get(1));
        assertTrue(findings.get(1).contains("kibly.xero.identity-url = https://identity.xero.com"), findings.get(1));
        findings.forEach(finding -> assertFalse(finding.contains("kibly-sandbox-"), "a secret was named: " + finding));
    }

    @Test
    void anUnsetUrlIsTheRealServiceByDefault() {
        Map<String, String> settings = sandboxSettings();
        settings.remove("kibly.quickbooks.api-url");

        List<String> findings = findings(settings);

        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(f -> f.contains("QuickBooks")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.contains("kibly-qbo-secret")), findings.toString());
    }

    @Test
    void aRealProviderWithTheAppsOwnSecretsIsFine() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kibly.xero.client-secret", "a-real-secret");
        settings.put("kibly.webhooks.xero-key", "a-real-key");
        settings.put("kibly.quickbooks.client-secret", "another-secret");
        settings.put("kibly.webhooks.quickbooks-verifier-token", "another-token");

        assertEquals(List.of(), findings(settings));
    }

    @Test
    void onlyTheProvidersOwnDomainsCountAsReal() {
        assertTrue(PublishedSandboxSecrets.isOfDomain("https://api.xero.com/api.xro/2.0", "xero.com"));
        assertTrue(PublishedSandboxSecrets.isOfDomain("https://XERO.COM.", "xero.com"));
        assertTrue(PublishedSandboxSecrets.isOfDomain("https://sandbox-quickbooks.api.intuit.com", "intuit.com"));
        assertFalse(PublishedSandboxSecrets.isOfDomain("https://notxero.com", "xero.com"));
        assertFalse(PublishedSandboxSecrets.isOfDomain("https://xero.com.evil.example", "xero.com"));
        assertFalse(PublishedSandboxSecrets.isOfDomain("http://localhost:8090", "xero.com"));
        assertFalse(PublishedSandboxSecrets.isOfDomain("not a url", "xero.com"));
        assertFalse(PublishedSandboxSecrets.isOfDomain(null, "xero.com"));
    }
}
