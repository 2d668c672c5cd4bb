package io.kibly.sandbox.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorisation codes: single use (a code is gone once presented, even when the exchange then fails) and
 * expiring. Each code carries the client and redirect URI it was issued for and the provider's own
 * {@code details} (Xero: scopes and PKCE challenge; Intuit: the realm).
 */
public final class AuthorizationCodes<T> {

    private final Clock clock;
    private final Duration lifetime;
    private final RandomTokens random;
    private final Map<String, Pending<T>> codes = new ConcurrentHashMap<>();

    public AuthorizationCodes(Clock clock, Duration lifetime, RandomTokens random) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.random = random;
    }

    public String issue(String clientId, String redirectUri, T details) {
        String code = random.next();
        codes.put(code, new Pending<>(clientId, redirectUri, details, clock.instant().plus(lifetime)));
        return code;
    }

    /** Takes the code out of circulation; {@code invalid_grant} when it is unknown or was used. */
    public Pending<T> take(String code) {
        Pending<T> pending = code == null ? null : codes.remove(code);
        if (pending == null) {
            throw OAuthError.invalidGrant("unknown or used code");
        }
        return pending;
    }

    public void clear() {
        codes.clear();
    }

    /** A code taken out: {@link #redeem} checks it against the token request. */
    public record Pending<T>(String clientId, String redirectUri, T details, Instant expiresAt) {

        /**
         * The code's details when it was issued to {@code clientId}, has not expired at {@code now} and the
         * token request names the same redirect URI as the authorize request; {@code invalid_grant} otherwise.
         */
        public T redeem(String clientId, String redirectUri, Instant now) {
            if (!this.clientId.equals(clientId)) {
                throw OAuthError.invalidGrant("code was issued to another client");
            }
            if (now.isAfter(expiresAt)) {
                throw OAuthError.invalidGrant("code expired");
            }
            if (!this.redirectUri.equals(redirectUri)) {
                throw OAuthError.invalidGrant("redirect_uri differs from the authorize request's");
            }
            return details;
        }
    }
}
