package io.kibly.engine.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void textWithoutNulOrUnpairedSurrogatesIsStorable() {
        assertTrue(InputRules.storable("Main books – 💷 \t\n"));
        assertTrue(InputRules.storable(null));
        assertFalse(InputRules.storable("a\u0000b"));
        assertFalse(InputRules.storable("\ud800"));
        assertFalse(InputRules.storable("x\udc00y"));
        assertFalse(InputRules.storable("\ud83d"));
    }

    @Test
    void datesAndInstantsFromYearOneToYear9999AreRepresentable() {
        assertTrue(InputRules.representable(LocalDate.of(1, 1, 1)));
        assertTrue(InputRules.representable(LocalDate.of(9999, 12, 31)));
        assertFalse(InputRules.representable(LocalDate.of(0, 12, 31)));
        assertFalse(InputRules.representable(LocalDate.parse("+999999999-12-31")));
        assertTrue(InputRules.representable(Instant.parse("9999-12-31T23:59:59.999Z")));
        assertFalse(InputRules.representable(Instant.parse("+10000-01-01T00:00:00Z")));
        assertFalse(InputRules.representable(Instant.parse("+1000000000-01-01T00:00:00Z")));
        assertFalse(InputRules.representable(Instant.parse("0000-12-31T23:59:59Z")));
    }
}
