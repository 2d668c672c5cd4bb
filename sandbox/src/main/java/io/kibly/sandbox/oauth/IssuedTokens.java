package io.kibly.sandbox.oauth;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live access tokens ({@code A}) and refresh tokens ({@code R}) a provider has issued, by token string,
 * and the access tokens whose grant was revoked (the APIs answer those 401 rather than treat them as unknown).
 * What a token records, and so when it expires or rotates, is the provider's.
 */
public final class IssuedTokens<A, R> {

    private final RandomTokens random;
    private final Map<String, A> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, R> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> revokedAccessTokens = ConcurrentHashMap.newKeySet();

    public IssuedTokens(RandomTokens random) {
        this.random = random;
    }

    /** Mints a new access token for {@code token}; returns its string. */
    public String mintAccess(A token) {
        String accessToken = random.next();
        accessTokens.put(accessToken, token);
        return accessToken;
    }

    /** Mints a new refresh token for {@code token}; returns its string. */
    public String mintRefresh(R token) {
        String refreshToken = random.next();
        refreshTokens.put(refreshToken, token);
        return refreshToken;
    }

    /** The access token of a {@code Bearer} Authorization header, or null when unknown or not Bearer. */
    public A bearer(String authorization) {
        String presented = bearerToken(authorization);
        return presented == null ? null : accessTokens.get(presented);
    }

    public A access(String token) {
        return accessTokens.get(token);
    }

    public R refresh(String token) {
        return token == null ? null : refreshTokens.get(token);
    }

    public void replaceRefresh(String token, R replacement) {
        refreshTokens.put(token, replacement);
    }

    public void removeRefresh(String token) {
        refreshTokens.remove(token);
    }

    /** Ends one access token: later use of it counts as revoked. */
    public void revokeAccess(String token) {
        accessTokens.remove(token);
        revokedAccessTokens.add(token);
    }

    /**
     * Ends the refresh tokens {@code refreshWhich} selects and revokes the access tokens {@code accessWhich}
     * selects; returns how many refresh tokens ended.
     */
    public int revokeWhere(Predicate<? super R> refreshWhich, Predicate<? super A> accessWhich) {
        int ended = 0;
        for (var it = refreshTokens.values().iterator(); it.hasNext(); ) {
            if (refreshWhich.test(it.next())) {
                it.remove();
                ended++;
            }
        }
        for (var it = accessTokens.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (accessWhich.test(entry.getValue())) {
                revokedAccessTokens.add(entry.getKey());
                it.remove();
            }
        }
        return ended;
    }

    /** Whether the Authorization header carries an access token whose grant was revoked. */
    public boolean isRevoked(String authorization) {
        String token = bearerToken(authorization);
        return token != null && revokedAccessTokens.contains(token);
    }

    public void clear() {
        revokedAccessTokens.clear();
        accessTokens.clear();
        refreshTokens.clear();
    }

    /** The token of a {@code Bearer} Authorization header (scheme case-insensitive), or null. */
    public static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }
}
