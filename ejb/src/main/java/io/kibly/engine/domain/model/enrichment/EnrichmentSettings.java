package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant's enrichment settings.
 *
 * @param baseCurrency       the ISO 4217 code amounts are converted into (the providers' rates are to their
 *                           organisation's base currency, so this should be the organisations' base currency)
 * @param reviewThreshold    a prediction less confident than this is flagged "needs review" (0 to 1)
 * @param retrainAfterLabels the categoriser is retrained once this many new labelled transactions arrived
 * @param version            for optimistic updates; 0 while the defaults were never changed
 */
public record EnrichmentSettings(String baseCurrency, BigDecimal reviewThreshold, int retrainAfterLabels, int version) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public EnrichmentSettings {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        baseCurrency = baseCurrency.strip().toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(baseCurrency).matches()) {
            throw new InvalidRuleException("baseCurrency must be an ISO 4217 code such as GBP");
        }
        Objects.requireNonNull(reviewThreshold, "reviewThreshold");
        if (reviewThreshold.signum() < 0 || reviewThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidRuleException("reviewThreshold must be between 0 and 1");
        }
        if (retrainAfterLabels < 1 || retrainAfterLabels > 1_000_000) {
            throw new InvalidRuleException("retrainAfterLabels must be between 1 and 1000000");
        }
    }
}
