/**
 * Provider webhooks sent on request to a target URL, built and signed as Xero (header {@code x-xero-signature})
 * and QuickBooks Online (header {@code intuit-signature}, CloudEvents 1.0) do: base64 of an HMAC-SHA256 of the
 * exact body bytes. Plain classes; the HTTP sending lies behind {@link io.kibly.sandbox.webhooks.WebhookSender}.
 */
package io.kibly.sandbox.webhooks;
