package io.kibly.sandbox.quickbooks.identity;

/** The bearer-token endpoint's answer; {@code idToken} only when the grant asked for the openid scope. */
public record QuickBooksTokens(String accessToken, long expiresIn, String tokenType, String refreshToken,
                               long refreshTokenExpiresIn, String idToken) {

    public QuickBooksTokens(String accessToken, long expiresIn, String tokenType, String refreshToken,
                            long refreshTokenExpiresIn) {
        this(accessToken, expiresIn, tokenType, refreshToken, refreshTokenExpiresIn, null);
    }

    public QuickBooksTokens withIdToken(String token) {
        return new QuickBooksTokens(accessToken, expiresIn, tokenType, refreshToken, refreshTokenExpiresIn, token);
    }
}
