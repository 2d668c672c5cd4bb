package io.kibly.engine.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kibly.engine.domain.model.connection.EncryptedSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AesGcmTokenVaultTest {

    private static final String PLAINTEXT = "xero-refresh-token-7f3a9c\u00e9\u20ac";
    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(101);
    private static final String KEY_A_BASE64 = Base64.getEncoder().encodeToString(KEY_A);
    private static final String KEY_B_BASE64 = Base64.getEncoder().encodeToString(KEY_B);

    private final AesGcmTokenVault vaultA = new AesGcmTokenVault(Map.of("key-a", KEY_A), "key-a");
    private final AesGcmTokenVault vaultAB = new AesGcmTokenVault(keys("key-a", KEY_A, "key_b", KEY_B), "key-a");

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed + 7 * i);
        }
        return key;
    }

    private static Map<String, byte[]> keys(String id1, byte[] key1, String id2, byte[] key2) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(id1, key1);
        keys.put(id2, key2);
        return keys;
    }

    /** Asserts an IllegalStateException whose message (and causes') shows no secret; returns it. */
    private static IllegalStateException assertRefused(Executable executable, String... secrets) {
        IllegalStateException e = assertThrows(IllegalStateException.class, executable);
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + " " + t;
            for (String secret : List.of(PLAINTEXT, KEY_A_BASE64, KEY_B_BASE64)) {
                assertFalse(text.contains(secret), () -> "exception shows a secret: " + text);
            }
            for (String secret : secrets) {
                assertFalse(text.contains(secret), () -> "exception shows a secret: " + text);
            }
        }
        return e;
    }

    @Test
    void roundTrip() {
        EncryptedSecret secret = vaultA.encrypt(PLAINTEXT);

        assertEquals("key-a", secret.keyId());
        assertEquals(12, secret.nonce().length);
        // GCM: ciphertext as long as the UTF-8 plaintext plus the 16-byte tag
        assertEquals(PLAINTEXT.getBytes(StandardCharsets.UTF_8).length + 16, secret.ciphertext().length);
        assertEquals(PLAINTEXT, vaultA.decrypt(secret));
        assertEquals(PLAINTEXT, vaultAB.decrypt(secret));
        assertEquals("", vaultA.decrypt(vaultA.encrypt("")));
    }

    @Test
    void decryptsAStoredSecretCopy() {
        EncryptedSecret secret = vaultA.encrypt(PLAINTEXT);
        EncryptedSecret stored = new EncryptedSecret("key-a", secret.nonce(), secret.ciphertext());

        assertEquals(PLAINTEXT, new AesGcmTokenVault(Map.of("key-a", key(1)), "key-a").decrypt(stored));
    }

    @Test
    void encryptionsOfTheSamePlaintextDiffer() {
        EncryptedSecret first = vaultA.encrypt(PLAINTEXT);
        EncryptedSecret second = vaultA.encrypt(PLAINTEXT);

        assertEquals(12, first.nonce().length);
        assertEquals(12, second.nonce().length);
        assertFalse(java.util.Arrays.equals(first.nonce(), second.nonce()));
        assertFalse(java.util.Arrays.equals(first.ciphertext(), second.ciphertext()));
        assertNotEquals(first, second);
        assertEquals(PLAINTEXT, vaultA.decrypt(first));
        assertEquals(PLAINTEXT, vaultA.decrypt(second));
    }

    @Test
    void tamperingWithAnyCiphertextByteIsRefused() {
        EncryptedSecret secret = vaultA.encrypt(PLAINTEXT);
        byte[] ciphertext = secret.ciphertext();
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            EncryptedSecret forged = new EncryptedSecret("key-a", secret.nonce(), tampered);
            IllegalStateException e = assertRefused(() -> vaultA.decrypt(forged));
            assertEquals("Token vault: secret under key key-a fails authentication or cannot be decrypted "
                    + "(AEADBadTagException)", e.getMessage());
        }
    }

    @Test
    void tamperingWithAnyNonceByteIsRefused() {
        EncryptedSecret secret = vaultA.encrypt(PLAINTEXT);
        byte[] nonce = secret.nonce();
        for (int i = 0; i < nonce.length; i++) {
            byte[] tampered = nonce.clone();
            tampered[i] ^= (byte) 0x80;
            EncryptedSecret forged = new EncryptedSecret("key-a", tampered, secret.ciphertext());
            assertRefused(() -> vaultA.decrypt(forged));
        }
    }

    @Test
    void truncatedOrExtendedSecretsAreRefused() {
        EncryptedSecret secret = vaultA.encrypt(PLAINTEXT);
        byte[] ciphertext = secret.ciphertext();
        byte[] nonce = secret.nonce();

        assertRefused(() -> vaultA.decrypt(new EncryptedSecret("key-a", nonce,
                java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1))));
        assertRefused(() -> vaultA.decrypt(new EncryptedSecret("key-a", nonce,
                java.util.Arrays.copyOf(ciphertext, ciphertext.length + 1))));
        assertRefused(() -> vaultA.decrypt(new EncryptedSecret("key-a", nonce, new byte[0])));
        assertRefused(() -> vaultA.decrypt(new EncryptedSecret("key-a", java.util.Arrays.copyOf(nonce, 11),
                ciphertext)));
        assertRefused(() -> vaultA.decrypt(new EncryptedSecret("key-a", java.util.Arrays.copyOf(nonce, 16),
                ciphertext)));
    }

    @Test
    void relabellingWithAnotherKnownKeyIdIsRefused() {
        EncryptedSecret secret = vaultAB.encrypt(PLAINTEXT);
        EncryptedSecret relabelled = new EncryptedSecret("key_b", secret.nonce(), secret.ciphertext());

        IllegalStateException e = assertRefused(() -> vaultAB.decrypt(relabelled));
        assertEquals("Token vault: secret under key key_b fails authentication or cannot be decrypted "
                + "(AEADBadTagException)", e.getMessage());
    }

    @Test
    void relabellingWithTheSameKeyUnderAnotherIdIsRefused() {
        // the key id is authenticated, not just used to pick the key
        AesGcmTokenVault aliased = new AesGcmTokenVault(keys("key-a", KEY_A, "alias", KEY_A), "key-a");
        EncryptedSecret secret = aliased.encrypt(PLAINTEXT);

        assertRefused(() -> aliased.decrypt(new EncryptedSecret("alias", secret.nonce(), secret.ciphertext())));
    }

    @Test
    void unknownKeyIdIsRefused() {
        EncryptedSecret secret = vaultAB.encrypt(PLAINTEXT);
        EncryptedSecret unknown = new EncryptedSecret("key-z", secret.nonce(), secret.ciphertext());

        IllegalStateException e = assertRefused(() -> vaultAB.decrypt(unknown));
        assertEquals("Token vault: unknown key key-z", e.getMessage());

        EncryptedSecret underB = new AesGcmTokenVault(Map.of("key_b", KEY_B), "key_b").encrypt(PLAINTEXT);
        assertEquals("Token vault: unknown key key_b", assertRefused(() -> vaultA.decrypt(underB)).getMessage());

        EncryptedSecret malformed = new EncryptedSecret(KEY_A_BASE64, secret.nonce(), secret.ciphertext());
        assertEquals("Token vault: unknown key (malformed id)",
                assertRefused(() -> vaultAB.decrypt(malformed)).getMessage());
    }

    @Test
    void reencryptMovesASecretToTheActiveKey() {
        EncryptedSecret underA = vaultA.encrypt(PLAINTEXT);
        AesGcmTokenVault rotated = new AesGcmTokenVault(keys("key-a", KEY_A, "key_b", KEY_B), "key_b");

        EncryptedSecret underB = rotated.reencrypt(underA);

        assertEquals("key_b", rotated.activeKeyId());
        assertEquals("key_b", underB.keyId());
        assertEquals(12, underB.nonce().length);
        assertFalse(java.util.Arrays.equals(underA.nonce(), underB.nonce()));
        assertEquals(PLAINTEXT, rotated.decrypt(underB));
        // the old vault no longer reads it
        assertRefused(() -> vaultA.decrypt(underB));
    }

    @Test
    void reencryptReturnsASecretAlreadyUnderTheActiveKeyAsItIs() {
        AesGcmTokenVault rotated = new AesGcmTokenVault(keys("key-a", KEY_A, "key_b", KEY_B), "key_b");
        EncryptedSecret underB = rotated.encrypt(PLAINTEXT);

        EncryptedSecret same = rotated.reencrypt(underB);

        assertSame(underB, same);
        assertArrayEquals(underB.nonce(), same.nonce());
        assertArrayEquals(underB.ciphertext(), same.ciphertext());
    }

    @Test
    void keysAreCopied() {
        byte[] key = key(1);
        AesGcmTokenVault vault = new AesGcmTokenVault(Map.of("key-a", key), "key-a");
        EncryptedSecret secret = vault.encrypt(PLAINTEXT);
        java.util.Arrays.fill(key, (byte) 0);

        assertEquals(PLAINTEXT, vault.decrypt(secret));
    }

    @Test
    void badProgrammaticConfigurationIsRefused() {
        assertEquals("Token vault: no key configured (kibly.vault.keys)",
                assertRefused(() -> new AesGcmTokenVault(Map.of(), "key-a")).getMessage());
        assertRefused(() -> new AesGcmTokenVault(null, "key-a"));
        assertEquals("Token vault: the active key (kibly.vault.active-key) is not one of the configured keys [key-a]",
                assertRefused(() -> new AesGcmTokenVault(Map.of("key-a", KEY_A), "key-b")).getMessage());
        assertRefused(() -> new AesGcmTokenVault(Map.of("key-a", KEY_A), null));
        assertEquals("Token vault: key key-a is not 32 bytes long",
                assertRefused(() -> new AesGcmTokenVault(Map.of("key-a", new byte[16]), "key-a")).getMessage());
        assertRefused(() -> new AesGcmTokenVault(Map.of("key-a", new byte[33]), "key-a"));
        assertRefused(() -> new AesGcmTokenVault(Map.of("key-a", new byte[0]), "key-a"));
        Map<String, byte[]> nullKey = new LinkedHashMap<>();
        nullKey.put("key-a", null);
        assertRefused(() -> new AesGcmTokenVault(nullKey, "key-a"));
        for (String badId : List.of("", "key a", "key.a", "key/a", "k\u00e9y", "x".repeat(65), KEY_A_BASE64)) {
            IllegalStateException e = assertRefused(() -> new AesGcmTokenVault(Map.of(badId, KEY_A), badId));
            assertEquals("Token vault: a key id is malformed (1-64 letters, digits, '-', '_')", e.getMessage());
        }
        String longestId = "x".repeat(64);
        assertEquals(longestId, new AesGcmTokenVault(Map.of(longestId, KEY_A), longestId).encrypt("t").keyId());
    }

    @Test
    void configurationIsReadFromProperties() {
        AesGcmTokenVault vault = new AesGcmTokenVault(
                Optional.of(" key-a:" + KEY_A_BASE64 + " , key_b : " + KEY_B_BASE64 + " "), Optional.of("key_b"));

        EncryptedSecret secret = vault.encrypt(PLAINTEXT);
        assertEquals("key_b", secret.keyId());
        assertEquals(PLAINTEXT, new AesGcmTokenVault(Map.of("key_b", KEY_B), "key_b").decrypt(secret));
        assertEquals(PLAINTEXT, vault.decrypt(vaultA.encrypt(PLAINTEXT)));
    }

    @Test
    void badPropertiesAreRefused() {
        Optional<String> activeA = Optional.of("key-a");
        assertEquals("Token vault: no key configured (kibly.vault.keys)",
                assertRefused(() -> new AesGcmTokenVault(Optional.empty(), activeA)).getMessage());
        assertRefused(() -> new AesGcmTokenVault(Optional.of("  "), activeA));
        assertEquals("Token vault: entry 1 of kibly.vault.keys is not keyId:base64Key",
                assertRefused(() -> new AesGcmTokenVault(Optional.of(KEY_A_BASE64), activeA)).getMessage());
        assertEquals("Token vault: entry 2 of kibly.vault.keys is not keyId:base64Key", assertRefused(
                () -> new AesGcmTokenVault(Optional.of("key-a:" + KEY_A_BASE64 + ","), activeA)).getMessage());
        assertEquals("Token vault: entry 1 of kibly.vault.keys has a malformed key id (1-64 letters, digits, '-', '_')",
                assertRefused(() -> new AesGcmTokenVault(Optional.of("key a:" + KEY_A_BASE64), activeA))
                        .getMessage());
        assertRefused(() -> new AesGcmTokenVault(Optional.of(":" + KEY_A_BASE64), activeA));
        assertEquals("Token vault: key key-a is configured twice", assertRefused(() -> new AesGcmTokenVault(
                Optional.of("key-a:" + KEY_A_BASE64 + ",key-a:" + KEY_B_BASE64), activeA)).getMessage());
        String notBase64 = "!!" + KEY_A_BASE64.substring(2);
        assertEquals("Token vault: key key-a is not valid Base64", assertRefused(
                () -> new AesGcmTokenVault(Optional.of("key-a:" + notBase64), activeA), notBase64).getMessage());
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
        assertEquals("Token vault: key key-a is not 32 bytes long", assertRefused(
                () -> new AesGcmTokenVault(Optional.of("key-a:" + shortKey), activeA), shortKey).getMessage());
        assertRefused(() -> new AesGcmTokenVault(Optional.of("key-a:"), activeA));
        assertRefused(() -> new AesGcmTokenVault(Optional.of("key-a:" + KEY_A_BASE64), Optional.empty()));
        assertRefused(() -> new AesGcmTokenVault(Optional.of("key-a:" + KEY_A_BASE64), Optional.of("key-b")));
        // a key put where the active id belongs is not echoed
        assertRefused(() -> new AesGcmTokenVault(Optional.of("key-a:" + KEY_A_BASE64), Optional.of(KEY_A_BASE64)));
    }

    @Test
    void toStringShowsNoSecret() {
        String text = vaultAB.toString();

        assertEquals("AesGcmTokenVault[active key key-a, keys [key-a, key_b]]", text);
        assertFalse(text.contains(KEY_A_BASE64));
        assertFalse(text.contains(KEY_B_BASE64));
        assertFalse(vaultA.encrypt(PLAINTEXT).toString().contains(PLAINTEXT));
    }
}
