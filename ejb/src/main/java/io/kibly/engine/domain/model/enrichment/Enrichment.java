package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The result of enriching one transaction.
 *
 * @param category     null when uncategorised
 * @param accountCode  the account code to categorise to; null when none
 * @param ruleId       the rule that matched, when the source is {@link EnrichmentSource#RULE}
 * @param modelVersion the model that predicted, when the source is {@link EnrichmentSource#MODEL}
 * @param confidence   1.0000 for a rule, the model's posterior probability (4 decimals) for a prediction, null
 *                     when uncategorised
 * @param needsReview  whether a person should look at it: a prediction below the review threshold, or nothing
 */
public record Enrichment(
        String category,
        String accountCode,
        List<String> tags,
        EnrichmentSource source,
        Long ruleId,
        Long modelVersion,
        BigDecimal confidence,
        boolean needsReview,
        BaseAmount baseAmount) {

    public static final int CONFIDENCE_SCALE = 4;
    public static final BigDecimal CERTAIN = BigDecimal.ONE.setScale(CONFIDENCE_SCALE);

    public Enrichment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseAmount, "baseAmount");
        tags = tags == null ? List.of() : List.copyOf(tags);
        if ((ruleId != null) != (source == EnrichmentSource.RULE)
                || (modelVersion != null) != (source == EnrichmentSource.MODEL)
                || (confidence == null) != (source == EnrichmentSource.NONE)
                || (category == null) != (source == EnrichmentSource.NONE)) {
            throw new IllegalArgumentException("A " + source + " enrichment with the wrong references: rule "
                    + ruleId + ", model " + modelVersion + ", confidence " + confidence + ", category " + category);
        }
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }

    public static Enrichment byRule(EnrichmentRule rule, BaseAmount baseAmount) {
        RuleOutcome outcome = rule.outcome();
        return new Enrichment(outcome.category(), outcome.accountCode(), outcome.tags(), EnrichmentSource.RULE,
                rule.id(), null, CERTAIN, false, baseAmount);
    }

    /**
     * A prediction's label is a provider account code, so it is both category and account code. It needs review
     * when its confidence, as recorded (4 decimals), is below the threshold.
     */
    public static Enrichment byModel(Prediction prediction, long modelVersion, BigDecimal reviewThreshold,
            BaseAmount baseAmount) {
        BigDecimal confidence = BigDecimal.valueOf(prediction.confidence())
                .setScale(CONFIDENCE_SCALE, RoundingMode.HALF_UP);
        return new Enrichment(prediction.label(), prediction.label(), List.of(), EnrichmentSource.MODEL, null,
                modelVersion, confidence, confidence.compareTo(reviewThreshold) < 0, baseAmount);
    }

    public static Enrichment uncategorised(BaseAmount baseAmount) {
        return new Enrichment(null, null, List.of(), EnrichmentSource.NONE, null, null, null, true, baseAmount);
    }
}
