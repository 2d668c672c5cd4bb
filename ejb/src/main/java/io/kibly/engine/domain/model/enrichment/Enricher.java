package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Enriches a transaction: the first matching rule wins; failing that, the categoriser's prediction; failing that,
 * the transaction stays uncategorised and needs review. The base amount is computed in every case. Stateless.
 */
public final class Enricher {

    /**
     * @param reviewThreshold predictions with a lower confidence need review; between 0 and 1
     * @param baseCurrency    the organisation's base currency
     * @param budget          the chunk's time for regular expressions; a rule that overruns it is skipped and
     *                        recorded there, to be disabled
     */
    public Enrichment enrich(EnrichmentSubject subject, RuleSet rules, Optional<CategoriserModel> model,
            BigDecimal reviewThreshold, String baseCurrency, MatchBudget budget) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(model, "model");
        if (reviewThreshold == null || reviewThreshold.signum() < 0 || reviewThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("The review threshold must be between 0 and 1, was " + reviewThreshold);
        }
        BaseAmount baseAmount = BaseAmount.of(subject.total(), subject.currency(), subject.currencyRate(),
                baseCurrency);

        Optional<EnrichmentRule> rule = rules.firstMatch(subject, budget);
        if (rule.isPresent()) {
            return Enrichment.byRule(rule.get(), baseAmount);
        }
        if (model.isPresent()) {
            Optional<Prediction> prediction = model.get().predict(subject);
            if (prediction.isPresent()) {
                return Enrichment.byModel(prediction.get(), model.get().version(), reviewThreshold, baseAmount);
            }
        }
        return Enrichment.uncategorised(baseAmount);
    }
}
