package io.kibly.engine.domain.model.enrichment;

/** Where an enrichment came from. */
public enum EnrichmentSource {
    /** A tenant's rule matched: certain. */
    RULE,
    /** The categoriser predicted it, with a confidence. */
    MODEL,
    /** Neither: the transaction is uncategorised. */
    NONE
}
