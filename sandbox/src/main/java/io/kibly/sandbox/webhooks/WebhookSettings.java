package io.kibly.sandbox.webhooks;

/**
 * The signing secrets ({@code sandbox.xero.webhookKey}, {@code sandbox.quickbooks.webhookVerifierToken}) and the
 * realm a QuickBooks event belongs to when the request names none (the first configured). Read at start only.
 */
public record WebhookSettings(String xeroWebhookKey, String quickBooksVerifierToken, String defaultRealmId) {

    public static final String DEFAULT_XERO_KEY = "kibly-sandbox-webhook-key";
    public static final String DEFAULT_VERIFIER_TOKEN = "kibly-sandbox-verifier-token";
}
