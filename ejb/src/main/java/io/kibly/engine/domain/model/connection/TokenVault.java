package io.kibly.engine.domain.model.connection;

/**
 * Encrypts and decrypts secrets with the engine's keys (AES-256-GCM, a fresh random 96-bit nonce per encryption,
 * the key id stored with each ciphertext). Several keys may be known at once; new encryptions use the active key.
 */
public interface TokenVault {

    EncryptedSecret encrypt(String plaintext);

    /** @throws IllegalStateException if the key is unknown or the ciphertext was tampered with */
    String decrypt(EncryptedSecret secret);

    /** The key that new encryptions use. */
    String activeKeyId();

    /** Re-encrypts under the active key; a secret already under it is returned as it is. */
    default EncryptedSecret reencrypt(EncryptedSecret secret) {
        return secret.keyId().equals(activeKeyId()) ? secret : encrypt(decrypt(secret));
    }
}
