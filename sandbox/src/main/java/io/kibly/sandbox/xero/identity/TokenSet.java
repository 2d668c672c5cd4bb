package io.kibly.sandbox.xero.identity;

/** The token endpoint's answer; {@code refreshToken} is null without the {@code offline_access} scope. */
public record TokenSet(String idToken, String accessToken, long expiresIn, String tokenType, String refreshToken,
                       String scope) {
}
