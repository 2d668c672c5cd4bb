package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A transaction's total in the organisation's base currency, to two decimals (half-even). A foreign total without a
 * usable rate has no base amount and says so: a rate of one is never assumed.
 *
 * @param amount   the total in {@code baseCurrency}; null when the rate is missing
 * @param rateUsed units of the transaction's currency per one unit of the base currency; one for the base currency
 *                 itself, null when missing
 */
public record BaseAmount(BigDecimal amount, String baseCurrency, BigDecimal rateUsed, boolean rateMissing) {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    public BaseAmount {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        if (rateMissing != (amount == null) || rateMissing != (rateUsed == null)) {
            throw new IllegalArgumentException("Either an amount with its rate, or a missing rate without either");
        }
    }

    /**
     * @param currencyRate units of {@code currency} per one unit of {@code baseCurrency} (Xero's convention), so the
     *                     base amount is {@code total / currencyRate}
     */
    public static BaseAmount of(BigDecimal total, String currency, BigDecimal currencyRate, String baseCurrency) {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        if (currency.equalsIgnoreCase(baseCurrency)) {
            return new BaseAmount(total.setScale(SCALE, ROUNDING), baseCurrency, BigDecimal.ONE, false);
        }
        if (currencyRate == null || currencyRate.signum() <= 0) {
            return missingRate(baseCurrency);
        }
        return new BaseAmount(total.divide(currencyRate, SCALE, ROUNDING), baseCurrency, currencyRate, false);
    }

    public static BaseAmount missingRate(String baseCurrency) {
        return new BaseAmount(null, baseCurrency, null, true);
    }
}
