package io.kibly.engine.interfaces.rest;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The engine's own rules for a bearer token Payara has verified (signature, issuer, expiry), read from the
 * token's claims as JSON so that no claim is coerced on the way ({@code "tenant": 123} must not become the tenant
 * "123"):
 * <ul>
 * <li>{@code nbf} and {@code iat}, when present, are numbers no later than now plus the allowed clock skew
 * (RFC 7519 4.1.5: a token must not be accepted before its {@code nbf}; one issued in the future is forged or
 * from a broken clock);</li>
 * <li>{@code tenant} is a string of {@link TenantId}'s form;</li>
 * <li>{@code groups}, when present, is an array of strings.</li>
 * </ul>
 * Each refusal is one of {@link BearerChallenge}'s fixed descriptions, never anything of the token.
 */
final class TokenClaims {

    private TokenClaims() {
    }

    /**
     * @return null for a token that meets the rules, else the {@code WWW-Authenticate} challenge to answer with
     */
    static String refusal(JsonWebToken token, long nowEpochSeconds, long skewSeconds) {
        return refusal(claimsOf(token), nowEpochSeconds, skewSeconds);
    }

    static String refusal(String rawToken, long nowEpochSeconds, long skewSeconds) {
        return refusal(claims(rawToken), nowEpochSeconds, skewSeconds);
    }

    private static String refusal(JsonObject claims, long nowEpochSeconds, long skewSeconds) {
        if (claims == null) {
            return BearerChallenge.INVALID;
        }
        long latest = nowEpochSeconds + skewSeconds;
        if (!timeAtMost(claims.get("nbf"), latest)) {
            return BearerChallenge.NOT_YET_VALID;
        }
        if (!timeAtMost(claims.get("iat"), latest)) {
            return BearerChallenge.ISSUED_IN_FUTURE;
        }
        if (tenant(claims) == null) {
            return BearerChallenge.NO_TENANT;
        }
        JsonValue groups = claims.get("groups");
        if (groups != null && !(groups instanceof JsonArray array
                && array.stream().allMatch(group -> group instanceof JsonString))) {
            return BearerChallenge.BAD_GROUPS;
        }
        return null;
    }

    /** The token's tenant: its {@code tenant} claim when that is a string of the allowed form, else null. */
    static String tenant(JsonWebToken token) {
        JsonObject claims = claimsOf(token);
        return claims == null ? null : tenant(claims);
    }

    static String tenant(String rawToken) {
        JsonObject claims = claims(rawToken);
        return claims == null ? null : tenant(claims);
    }

    /**
     * The token's claims as it carries them: decoded from the raw token, or, should the runtime not keep that,
     * rebuilt from the claim values it hands out (strings stay strings, numbers numbers).
     */
    private static JsonObject claimsOf(JsonWebToken token) {
        if (token.getRawToken() != null) {
            return claims(token.getRawToken());
        }
        var claims = Json.createObjectBuilder();
        for (String name : token.getClaimNames()) {
            Object value = token.getClaim(name);
            if (value instanceof JsonValue json) {
                claims.add(name, json);
            } else if (value instanceof String text) {
                claims.add(name, text);
            } else if (value instanceof Long || value instanceof Integer) {
                claims.add(name, ((Number) value).longValue());
            } else if (value instanceof java.util.Collection<?> values) {
                var array = Json.createArrayBuilder();
                values.forEach(v -> {
                    if (v instanceof String text) {
                        array.add(text);
                    } else {
                        array.addNull();
                    }
                });
                claims.add(name, array);
            } else if (value instanceof Boolean flag) {
                claims.add(name, flag);
            }
        }
        return claims.build();
    }

    private static String tenant(JsonObject claims) {
        return claims.get(CurrentTenant.CLAIM) instanceof JsonString tenant && TenantId.isValid(tenant.getString())
                ? tenant.getString() : null;
    }

    /** Absent, or a NumericDate (seconds) not after {@code latest}. */
    private static boolean timeAtMost(JsonValue claim, long latest) {
        if (claim == null) {
            return true;
        }
        return claim instanceof JsonNumber seconds
                && seconds.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(latest)) <= 0;
    }

    /** The payload of a compact JWS ({@code header.payload.signature}) as JSON, or null if it is not one. */
    private static JsonObject claims(String rawToken) {
        if (rawToken == null) {
            return null;
        }
        String[] parts = rawToken.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonValue payload = reader.readValue();
            return payload instanceof JsonObject object ? object : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
