package io.kibly.engine.application;

/** The tenant has no enrichment rule with this id. */
public class UnknownEnrichmentRuleException extends RuntimeException {

    public UnknownEnrichmentRuleException(long ruleId) {
        super("The tenant has no enrichment rule " + ruleId);
    }
}
