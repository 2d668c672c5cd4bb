package io.kibly.engine.application;

/** The provider refused our refresh token ({@code invalid_grant}): revoked, expired or already rotated away. */
public class GrantRevokedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GrantRevokedException(String message) {
        super(message);
    }
}
