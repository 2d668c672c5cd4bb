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
    static String refusal(String rawToken, long nowEpochSeconds, long skewSeconds) {
        JsonObject claims = claims(rawToken);
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
    static String tenant(String rawToken) {
        JsonObject claims = claims(rawToken);
        return claims == null ? null : tenant(claims);
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
