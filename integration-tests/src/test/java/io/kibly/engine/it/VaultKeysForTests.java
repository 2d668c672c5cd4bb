package io.kibly.engine.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test run's two vault keys, and the vault's ciphertext format (AES-256-GCM, 12-byte nonce, key id as
 * additional authenticated data), so that tests can check what the engine stored and plant older ciphertexts.
 */
final class VaultKeysForTests {

    static final String OLD = "it-old";
    static final String NEW = "it-new";

    private VaultKeysForTests() {
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static String decrypt(String keyId, byte[] nonce, byte[] ciphertext) throws GeneralSecurityException {
        Cipher cipher = cipher(Cipher.DECRYPT_MODE, keyId, nonce);
        return new String(cipher.doFinal(ciphertext), StandardCharsets.UTF_8);
    }

    static byte[] encrypt(String keyId, byte[] nonce, String plaintext) throws GeneralSecurityException {
        return cipher(Cipher.ENCRYPT_MODE, keyId, nonce).doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    private static Cipher cipher(int mode, String keyId, byte[] nonce) throws GeneralSecurityException {
        String key = System.getProperty(OLD.equals(keyId) ? "kibly.it.vaultOldKey" : "kibly.it.vaultNewKey");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(Base64.getDecoder().decode(key), "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
