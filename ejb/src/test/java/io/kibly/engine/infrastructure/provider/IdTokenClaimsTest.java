package io.kibly.engine.infrastructure.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kibly.engine.application.ProviderAuthorization;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class IdTokenClaimsTest {

    private static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void theNonceAndRealmOfAnIntuitIdTokenAreRead() {
        ProviderAuthorization.Identity identity = HttpProviderAuthorization.identity(
                token("{\"iss\":\"https://oauth.platform.intuit.com/op/v1\",\"aud\":[\"app\"],\"realmid\":\"4620816365\","
                        + "\"nonce\":\"n-1\",\"exp\":1}"));

        assertEquals(new ProviderAuthorization.Identity("n-1", "4620816365"), identity);
    }

    @Test
    void missingClaimsAreNullAndAnUnreadableTokenIsNoIdentity() {
        assertEquals(new ProviderAuthorization.Identity(null, null), HttpProviderAuthorization.identity(token("{}")));
        assertNull(HttpProviderAuthorization.identity(null));
        assertNull(HttpProviderAuthorization.identity("no-dots"));
        assertNull(HttpProviderAuthorization.identity("a.!!!not-base64!!!.c"));
        assertNull(HttpProviderAuthorization.identity(token("[1,2]")));
    }
}
