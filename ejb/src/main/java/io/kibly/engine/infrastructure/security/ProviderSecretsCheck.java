package io.kibly.engine.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the engine with the provider sandbox's published secrets while a provider's URLs are the real
 * service's ({@link PublishedSandboxSecrets}): the deployment fails, and the server log names each setting to
 * change (never its value). The launcher checks the same before it starts the server; this is the engine's own
 * guard, whoever deploys it.
 */
@Startup
@Singleton
public class ProviderSecretsCheck {

    private static final Logger LOG = Logger.getLogger(ProviderSecretsCheck.class.getName());

    /** The engine's defaults of the URL settings (HttpProviderAuthorization and the ledger clients): the real services. */
    static final Map<String, String> DEFAULT_URLS = Map.of(
            "kibly.xero.login-url", "https://login.xero.com",
            "kibly.xero.identity-url", "https://identity.xero.com",
            "kibly.xero.api-url", "https://api.xero.com",
            "kibly.quickbooks.appcenter-url", "https://appcenter.intuit.com",
            "kibly.quickbooks.oauth-url", "https://oauth.platform.intuit.com",
            "kibly.quickbooks.api-url", "https://quickbooks.api.intuit.com",
            "kibly.quickbooks.revoke-url", "https://developer.api.intuit.com");

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        List<String> findings = PublishedSandboxSecrets.findings(
                name -> config.getOptionalValue(name, String.class).orElse(null), DEFAULT_URLS);
        if (!findings.isEmpty()) {
            findings.forEach(finding -> LOG.severe("Refusing to start: " + finding));
            throw new IllegalStateException("Refusing to start with the provider sandbox's published secrets for a real"
                    + " provider: " + String.join("; ", findings));
        }
    }
}
