package io.kibly.engine.infrastructure.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The decision behind {@link ProviderSecretsCheck}: is a secret the provider sandbox publishes (in its README and
 * the launcher's defaults) configured for a provider whose URLs are the real service? Such a secret is known to
 * everyone: real webhooks would be forgeable, and a real app's client would authenticate with a public password.
 * Real means a host of the provider's own domain ({@code xero.com}, {@code intuit.com}); the sandbox, anywhere it
 * runs, is not.
 *
 * <p>Findings name the settings only (property and environment variable), never a value.
 */
public final class PublishedSandboxSecrets {

    /** One provider: its URL settings, its real domain, and its secret settings with the sandbox's published values. */
    record ProviderSettings(String provider, String domain, List<String> urls, Map<String, String> publishedSecrets) {
    }

    static final List<ProviderSettings> PROVIDERS = List.of(
            new ProviderSettings("Xero", "xero.com",
                    List.of("kibly.xero.login-url", "kibly.xero.identity-url", "kibly.xero.api-url"),
                    Map.of("kibly.xero.client-secret", "kibly-sandbox-secret",
                            "kibly.webhooks.xero-key", "kibly-sandbox-webhook-key")),
            new ProviderSettings("QuickBooks", "intuit.com",
                    List.of("kibly.quickbooks.appcenter-url", "kibly.quickbooks.oauth-url", "kibly.quickbooks.api-url",
                            "kibly.quickbooks.revoke-url"),
                    Map.of("kibly.quickbooks.client-secret", "kibly-qbo-secret",
                            "kibly.webhooks.quickbooks-verifier-token", "kibly-sandbox-verifier-token")));

    private PublishedSandboxSecrets() {
    }

    /**
     * What is wrong, one line per secret to change; empty when nothing is.
     *
     * @param setting the configured value of a property, or null when it is not set; a URL setting that is not set
     *                takes the engine's default, which is the real service's
     */
    public static List<String> findings(Function<String, String> setting, Map<String, String> defaultUrls) {
        List<String> findings = new ArrayList<>();
        for (ProviderSettings provider : PROVIDERS) {
            String realUrl = null;
            for (String url : provider.urls()) {
                String value = setting.apply(url) != null ? setting.apply(url) : defaultUrls.get(url);
                if (isOfDomain(value, provider.domain())) {
                    realUrl = url + " = " + value;
                    break;
                }
            }
            if (realUrl == null) {
                continue;
            }
            for (Map.Entry<String, String> secret : provider.publishedSecrets().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey()).toList()) {
                if (secret.getValue().equals(setting.apply(secret.getKey()))) {
                    findings.add(secret.getKey() + " (environment " + environmentName(secret.getKey())
                            + ") is the provider sandbox's published value, but " + realUrl + " is the real "
                            + provider.provider() + ": set the app's own secret");
                }
            }
        }
        return findings;
    }

    /** MicroProfile Config's environment name of a property: {@code kibly.xero.client-secret} → KIBLY_XERO_CLIENT_SECRET. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static boolean isOfDomain(String url, String domain) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            String host = URI.create(url.trim()).getHost();
            if (host == null) {
                return false;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return host.equals(domain) || host.endsWith("." + domain);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
