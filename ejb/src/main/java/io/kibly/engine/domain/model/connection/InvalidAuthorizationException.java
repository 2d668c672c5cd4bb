package io.kibly.engine.domain.model.connection;

/**
 * An authorisation that cannot go on: an unknown, replayed, expired or foreign {@code state}, a redirect URI that
 * is not registered, a provider that refused the code. The message is safe to show; it never holds a secret.
 */
public class InvalidAuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAuthorizationException(String message) {
        super(message);
    }
}
