package io.kibly.engine.domain.model.enrichment;

/**
 * A rule whose pattern ran past its match budget (twice in a row, so that a pause of the machine is not taken
 * for the pattern's fault): it is to be disabled with {@link #reason()}.
 *
 * @param pattern       the pattern that overran, so that only a rule still holding it is disabled
 * @param transactionId the provider's id of the transaction it overran on
 */
public record RuleOverrun(long ruleId, String field, String pattern, String transactionId, long budgetMillis) {

    /** Why the rule is disabled, for its author. */
    public String reason() {
        return "The " + field + " pattern exceeded its " + budgetMillis + " ms match budget on transaction "
                + transactionId + "; change the pattern to enable the rule again";
    }
}
