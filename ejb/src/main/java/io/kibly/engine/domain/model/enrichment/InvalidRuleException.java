package io.kibly.engine.domain.model.enrichment;

/** An enrichment rule, or a part of one, that cannot be accepted; the message says why, for the rule's author. */
public class InvalidRuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRuleException(String message) {
        super(message);
    }

    public InvalidRuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
