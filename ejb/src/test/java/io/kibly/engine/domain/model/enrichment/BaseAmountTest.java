package io.kibly.engine.domain.model.enrichment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BaseAmountTest {

    @Test
    void aForeignTotalIsDividedByTheRate() {
        BaseAmount amount = BaseAmount.of(new BigDecimal("127.00"), "USD", new BigDecimal("1.27"), "GBP");

        assertEquals(new BigDecimal("100.00"), amount.amount());
        assertEquals("GBP", amount.baseCurrency());
        assertEquals(new BigDecimal("1.27"), amount.rateUsed());
        assertFalse(amount.rateMissing());
    }

    @Test
    void theQuotientIsRoundedToTwoDecimals() {
        assertEquals(new BigDecimal("85.47"),
                BaseAmount.of(new BigDecimal("100"), "EUR", new BigDecimal("1.17"), "GBP").amount());
    }

    @Test
    void roundingIsHalfEven() {
        // 2.25 / 2 = 1.125 and 2.35 / 2 = 1.175: the ties go to the even neighbour.
        assertEquals(new BigDecimal("1.12"),
                BaseAmount.of(new BigDecimal("2.25"), "USD", new BigDecimal("2"), "GBP").amount());
        assertEquals(new BigDecimal("1.18"),
                BaseAmount.of(new BigDecimal("2.35"), "USD", new BigDecimal("2"), "GBP").amount());
        assertEquals(new BigDecimal("0.12"), BaseAmount.of(new BigDecimal("0.125"), "GBP", null, "GBP").amount());
    }

    @Test
    void aBaseCurrencyTotalIsKeptAtTwoDecimalsWhateverTheRate() {
        BaseAmount amount = BaseAmount.of(new BigDecimal("42.5"), "GBP", new BigDecimal("1.5"), "GBP");

        assertEquals(new BigDecimal("42.50"), amount.amount());
        assertEquals(BigDecimal.ONE, amount.rateUsed());
        assertFalse(amount.rateMissing());
        assertEquals(new BigDecimal("42.50"), BaseAmount.of(new BigDecimal("42.5"), "gbp", null, "GBP").amount());
    }

    @Test
    void aForeignTotalWithoutARateHasNoBaseAmount() {
        BaseAmount amount = BaseAmount.of(new BigDecimal("127.00"), "USD", null, "GBP");

        assertTrue(amount.rateMissing());
        assertNull(amount.amount());
        assertNull(amount.rateUsed());
        assertEquals("GBP", amount.baseCurrency());
    }

    @Test
    void aZeroOrNegativeRateCountsAsMissing() {
        assertTrue(BaseAmount.of(new BigDecimal("127.00"), "USD", new BigDecimal("0.000"), "GBP").rateMissing());
        assertTrue(BaseAmount.of(new BigDecimal("127.00"), "USD", new BigDecimal("-1.27"), "GBP").rateMissing());
    }

    @Test
    void anAmountAndAMissingRateAreExclusive() {
        assertThrows(IllegalArgumentException.class, () -> new BaseAmount(BigDecimal.TEN, "GBP", null, true));
        assertThrows(IllegalArgumentException.class, () -> new BaseAmount(null, "GBP", null, false));
    }
}
