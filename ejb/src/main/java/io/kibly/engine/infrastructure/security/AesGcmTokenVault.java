package io.kibly.engine.infrastructure.security;

import io.kibly.engine.domain.model.connection.EncryptedSecret;
import io.kibly.engine.domain.model.connection.TokenVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link TokenVault}: AES-256-GCM with a fresh random 96-bit nonce per encryption and a 128-bit tag. The key id
 * is the GCM additional authenticated data, so a ciphertext relabelled with another key id fails to decrypt.
 *
 * <p>Keys come from MicroProfile Config: {@value #KEYS_PROPERTY} is a comma-separated list of {@code keyId:base64Key}
 * entries (each key exactly 32 bytes once decoded), {@value #ACTIVE_KEY_PROPERTY} the id of the key that new
 * encryptions use; the others are kept to decrypt older secrets (see {@link #reencrypt}). Key ids are 1 to 64
 * letters, digits, {@code -} or {@code _}. Bad configuration fails with an {@link IllegalStateException} when the
 * vault is built.
 *
 * <p>No key, plaintext or ciphertext ever appears in an exception message, a log line or {@code toString}; key ids
 * do. Thread-safe: the keys are immutable once built, each call uses its own {@link Cipher}.
 */
@ApplicationScoped
public class AesGcmTokenVault implements TokenVault {

    static final String KEYS_PROPERTY = "kibly.vault.keys";
    static final String ACTIVE_KEY_PROPERTY = "kibly.vault.active-key";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = Logger.getLogger(AesGcmTokenVault.class.getName());

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random;

    /** For the CDI client proxy only: the container builds the bean with the {@link Inject} constructor. */
    protected AesGcmTokenVault() {
        this.keys = Map.of();
        this.activeKeyId = null;
        this.random = null;
    }

    /**
     * Builds the vault from MicroProfile Config. Missing properties reach here empty and are refused like any other
     * bad configuration.
     */
    @Inject
    public AesGcmTokenVault(@ConfigProperty(name = KEYS_PROPERTY) Optional<String> keys,
            @ConfigProperty(name = ACTIVE_KEY_PROPERTY) Optional<String> activeKeyId) {
        this(decodeKeys(keys.orElse("")), activeKeyId.map(String::strip).orElse(""));
        LOG.info(() -> "Token vault ready: " + this.keys.size() + " key(s), active key " + this.activeKeyId);
    }

    /**
     * @param keys        the keys by id, each exactly 32 bytes (copied)
     * @param activeKeyId the id of the key that new encryptions use, one of {@code keys}
     * @throws IllegalStateException if there is no key, an id is malformed, a key is not 32 bytes or the active key is
     *                               not among the keys
     */
    public AesGcmTokenVault(Map<String, byte[]> keys, String activeKeyId) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalStateException("Token vault: no key configured (" + KEYS_PROPERTY + ")");
        }
        Map<String, SecretKey> built = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                // the malformed id is not shown: it might be a misplaced key
                throw new IllegalStateException("Token vault: a key id is malformed (1-64 letters, digits, '-', '_')");
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalStateException("Token vault: key " + id + " is not " + KEY_BYTES + " bytes long");
            }
            built.put(id, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId == null || !built.containsKey(activeKeyId)) {
            // the unknown id is not shown: it might be a misplaced key
            throw new IllegalStateException("Token vault: the active key (" + ACTIVE_KEY_PROPERTY
                    + ") is not one of the configured keys " + built.keySet());
        }
        this.keys = Map.copyOf(built);
        this.activeKeyId = activeKeyId;
        this.random = new SecureRandom();
    }

    @Override
    public EncryptedSecret encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] clear = plaintext.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, activeKeyId, keys.get(activeKeyId), nonce);
            return new EncryptedSecret(activeKeyId, nonce, cipher.doFinal(clear));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Token vault: cannot encrypt with key " + activeKeyId
                    + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    @Override
    public String decrypt(EncryptedSecret secret) {
        Objects.requireNonNull(secret, "secret");
        String keyId = secret.keyId();
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Token vault: unknown key "
                    + (keyId != null && KEY_ID.matcher(keyId).matches() ? keyId : "(malformed id)"));
        }
        byte[] nonce = secret.nonce();
        byte[] ciphertext = secret.ciphertext();
        if (nonce.length != NONCE_BYTES || ciphertext.length < TAG_BITS / Byte.SIZE) {
            throw new IllegalStateException("Token vault: secret under key " + keyId + " is malformed");
        }
        byte[] clear = null;
        try {
            clear = cipher(Cipher.DECRYPT_MODE, keyId, key, nonce).doFinal(ciphertext);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // no cause attached: only the type of failure is of use, and it goes in the message
            throw new IllegalStateException("Token vault: secret under key " + keyId
                    + " fails authentication or cannot be decrypted (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    @Override
    public String activeKeyId() {
        return activeKeyId;
    }

    @Override
    public String toString() {
        return "AesGcmTokenVault[active key " + activeKeyId + ", keys " + keys.keySet().stream().sorted().toList() + "]";
    }

    private static Cipher cipher(int mode, String keyId, SecretKey key, byte[] nonce)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Parses {@code id:base64Key,...}; nothing in the messages comes from a key. */
    private static Map<String, byte[]> decodeKeys(String config) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        if (config.isBlank()) {
            return decoded;
        }
        String[] entries = config.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("Token vault: entry " + (i + 1) + " of " + KEYS_PROPERTY
                        + " is not keyId:base64Key");
            }
            String id = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("Token vault: entry " + (i + 1) + " of " + KEYS_PROPERTY
                        + " has a malformed key id (1-64 letters, digits, '-', '_')");
            }
            if (decoded.containsKey(id)) {
                throw new IllegalStateException("Token vault: key " + id + " is configured twice");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                // the decoder's message quotes the offending character: neither it nor the cause is kept
                throw new IllegalStateException("Token vault: key " + id + " is not valid Base64");
            }
            decoded.put(id, key);
        }
        return decoded;
    }
}
