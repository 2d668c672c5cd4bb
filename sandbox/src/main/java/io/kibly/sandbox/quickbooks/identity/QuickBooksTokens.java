package io.kibly.sandbox.quickbooks.identity;

/** The bearer-token endpoint's answer. */
public record QuickBooksTokens(String accessToken, long expiresIn, String tokenType, String refreshToken,
                               long refreshTokenExpiresIn) {
}
