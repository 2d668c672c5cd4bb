package io.kibly.engine.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The engine's rules for a token Payara verified: times, tenant and groups as the token has them. */
class TokenClaimsTest {

    private static final long NOW = 1_780_000_000L;
    private static final long SKEW = 60;

    @Test
    void aTokenOfTheEnginesShapeIsAccepted() {
        assertNull(refusal("{\"tenant\":\"acme\",\"groups\":[\"ADMIN\"],\"iat\":" + NOW + ",\"nbf\":" + NOW + "}"));
        assertNull(refusal("{\"tenant\":\"acme\",\"iat\":" + (NOW + SKEW) + "}"), "within the skew");
        assertEquals("acme", TokenClaims.tenant(token("{\"tenant\":\"acme\"}")));
    }

    @Test
    void notBeforeOrIssuedAfterNowBeyondTheSkewIsRefused() {
        assertEquals(BearerChallenge.NOT_YET_VALID, refusal("{\"tenant\":\"acme\",\"nbf\":" + (NOW + 86_400) + "}"));
        assertEquals(BearerChallenge.NOT_YET_VALID, refusal("{\"tenant\":\"acme\",\"nbf\":" + (NOW + SKEW + 1) + "}"));
        assertEquals(BearerChallenge.ISSUED_IN_FUTURE, refusal("{\"tenant\":\"acme\",\"iat\":" + (NOW + 86_400) + "}"));
        assertEquals(BearerChallenge.NOT_YET_VALID, refusal("{\"tenant\":\"acme\",\"nbf\":\"soon\"}"));
        assertEquals(BearerChallenge.ISSUED_IN_FUTURE, refusal("{\"tenant\":\"acme\",\"iat\":1e400}"));
    }

    @Test
    void aTenantThatIsNotAStringOfTheAllowedFormIsNoTenant() {
        for (String tenant : new String[] {"123", "true", "\"\"", "null", "[\"acme\"]", "{\"id\":\"acme\"}",
                "\"a b\"", "\"" + "x".repeat(65) + "\"", "\"acme\\u0000\""}) {
            assertEquals(BearerChallenge.NO_TENANT, refusal("{\"tenant\":" + tenant + "}"), tenant);
        }
        assertEquals(BearerChallenge.NO_TENANT, refusal("{\"groups\":[\"ADMIN\"]}"));
        assertNull(TokenClaims.tenant(token("{\"tenant\":123}")));
    }

    @Test
    void groupsMustBeAnArrayOfStrings() {
        for (String groups : new String[] {"\"ADMIN\"", "5", "[1]", "[\"ADMIN\",null]", "{\"ADMIN\":true}"}) {
            assertEquals(BearerChallenge.BAD_GROUPS, refusal("{\"tenant\":\"acme\",\"groups\":" + groups + "}"), groups);
        }
    }

    @Test
    void descriptionsNeverCarryTheToken() {
        String token = token("{\"tenant\":123}");
        for (String challenge : new String[] {BearerChallenge.NOT_YET_VALID, BearerChallenge.ISSUED_IN_FUTURE,
                BearerChallenge.NO_TENANT, BearerChallenge.BAD_GROUPS}) {
            assertFalse(challenge.contains(token.split("\\.")[1]));
            assertFalse(BearerChallenge.description(challenge).contains("\""), challenge);
        }
        assertEquals(BearerChallenge.INVALID, TokenClaims.refusal("not-a-jwt", NOW, SKEW));
    }

    @Test
    void withoutTheRawTokenTheClaimValuesAreJudgedAsTheyAre() {
        assertNull(TokenClaims.refusal(token(java.util.Map.of("tenant", "acme", "groups", java.util.Set.of("ADMIN"),
                "iat", NOW)), NOW, SKEW));
        assertEquals(BearerChallenge.NO_TENANT, TokenClaims.refusal(token(java.util.Map.of("tenant", 123L)), NOW, SKEW));
        assertEquals(BearerChallenge.NOT_YET_VALID, TokenClaims.refusal(token(java.util.Map.of("tenant", "acme",
                "nbf", NOW + 3_600)), NOW, SKEW));
        assertNull(TokenClaims.tenant(token(java.util.Map.of("tenant", true))));
    }

    /** A token as the runtime hands it out, without its raw form. */
    private static org.eclipse.microprofile.jwt.JsonWebToken token(java.util.Map<String, Object> claims) {
        return new org.eclipse.microprofile.jwt.JsonWebToken() {
            @Override
            public String getName() {
                return "user";
            }

            @Override
            public java.util.Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private static String refusal(String claims) {
        return TokenClaims.refusal(token(claims), NOW, SKEW);
    }

    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }
}
