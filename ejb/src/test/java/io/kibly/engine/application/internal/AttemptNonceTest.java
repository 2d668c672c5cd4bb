package io.kibly.engine.application.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AttemptNonceTest {

    @Test
    void theNonceFollowsFromTheStateButIsNotItsStoredHash() {
        String state = DefaultConnectionService.randomToken(32);

        assertEquals(DefaultConnectionService.nonce(state), DefaultConnectionService.nonce(state));
        assertNotEquals(DefaultConnectionService.nonce(state),
                DefaultConnectionService.nonce(DefaultConnectionService.randomToken(32)));
        assertNotEquals(DefaultConnectionService.hash(state), DefaultConnectionService.nonce(state));
        assertEquals(43, DefaultConnectionService.nonce(state).length());
    }
}
