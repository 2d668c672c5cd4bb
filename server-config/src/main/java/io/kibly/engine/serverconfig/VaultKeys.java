package io.kibly.engine.serverconfig;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The development token-vault key: 32 random bytes kept in a file only its owner can read, in the vault's
 * {@code keyId:base64Key} form. Production passes {@code KIBLY_VAULT_KEYS} instead.
 */
final class VaultKeys {

    static final String DEVELOPMENT_KEY_ID = "dev-1";

    private VaultKeys() {
    }

    static String ensure(Path file) {
        return KeptSecret.ensure(file, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return DEVELOPMENT_KEY_ID + ":" + Base64.getEncoder().encodeToString(key);
        });
    }
}
