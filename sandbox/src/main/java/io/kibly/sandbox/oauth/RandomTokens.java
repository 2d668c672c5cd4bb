package io.kibly.sandbox.oauth;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque codes and tokens: 32 random bytes, Base64url without padding. */
public final class RandomTokens {

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
