package io.kibly.sandbox.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/** How a delivery is signed: with the configured secret, with a different one, or not at all. */
public enum SignatureMode {
    VALID, INVALID, MISSING;

    /** {@code valid} (also when absent), {@code invalid} or {@code missing}. */
    public static SignatureMode parse(String text) {
        for (SignatureMode mode : values()) {
            if (text == null || mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("signature must be valid, invalid or missing, was " + text);
    }

    /** The signature header's value for {@code body}, or empty when the header is to be left out. */
    public Optional<String> header(byte[] body, String secret) {
        return switch (this) {
            case VALID -> Optional.of(sign(body, secret));
            case INVALID -> Optional.of(sign(body, "not-" + secret));
            case MISSING -> Optional.empty();
        };
    }

    /** Base64 of HMAC-SHA256(body, secret), as both providers sign. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
