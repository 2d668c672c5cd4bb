package io.kibly.engine.infrastructure.security;

import io.kibly.engine.domain.model.integration.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the providers' webhook signatures: base64(HMAC-SHA256(raw body, secret)) in {@code x-xero-signature}
 * (the secret: the app's webhook key) and in {@code intuit-signature} (the secret: the verifier token). Compared
 * in constant time; without a configured secret, nothing is accepted.
 */
@ApplicationScoped
public class WebhookSignatures {

    @Inject
    @ConfigProperty(name = "kibly.webhooks.xero-key", defaultValue = "")
    String xeroKey;

    @Inject
    @ConfigProperty(name = "kibly.webhooks.quickbooks-verifier-token", defaultValue = "")
    String quickbooksVerifierToken;

    public boolean valid(Provider provider, byte[] body, String signature) {
        String secret = provider == Provider.XERO ? xeroKey : quickbooksVerifierToken;
        if (secret.isEmpty() || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), presented);
    }

    /** base64(HMAC-SHA256(body, secret)): what a provider puts in the signature header. */
    public static String sign(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(hmac(secret, body));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
