package io.kibly.engine.domain.model.connection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret (an OAuth token, a PKCE verifier) as stored: the id of the key that encrypted it, the 96-bit nonce and
 * the AES-256-GCM ciphertext with its tag. Only a {@link TokenVault} can read it. {@code toString} shows no byte.
 */
@Embeddable
public class EncryptedSecret {

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(name = "nonce", nullable = false)
    private byte[] nonce;

    @Column(name = "ciphertext", nullable = false)
    private byte[] ciphertext;

    protected EncryptedSecret() {
        // for JPA
    }

    public EncryptedSecret(String keyId, byte[] nonce, byte[] ciphertext) {
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.nonce = nonce.clone();
        this.ciphertext = ciphertext.clone();
    }

    public String keyId() {
        return keyId;
    }

    public byte[] nonce() {
        return nonce.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedSecret that && keyId.equals(that.keyId) && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, Arrays.hashCode(nonce), Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "EncryptedSecret[key " + keyId + "]";
    }
}
