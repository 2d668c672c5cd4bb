package io.kibly.engine.infrastructure.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The providers' API base URLs. The defaults are the real services; the launcher points them at the sandbox.
 */
@ApplicationScoped
public class ProviderEndpoints {

    @Inject
    @ConfigProperty(name = "kibly.xero.api-url", defaultValue = "https://api.xero.com")
    String xeroApiUrl;

    @Inject
    @ConfigProperty(name = "kibly.quickbooks.api-url", defaultValue = "https://quickbooks.api.intuit.com")
    String quickbooksApiUrl;

    /** Xero's API host (Accounting API under {@code /api.xro/2.0}, connections under {@code /connections}). */
    public String xeroApi() {
        return xeroApiUrl;
    }

    /** QuickBooks Online's API host (company resources under {@code /v3/company/{realmId}}). */
    public String quickbooksApi() {
        return quickbooksApiUrl;
    }
}
