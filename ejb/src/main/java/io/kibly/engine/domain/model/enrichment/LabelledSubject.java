package io.kibly.engine.domain.model.enrichment;

import java.util.Objects;

/** A training example: a transaction and the category it was given (a provider account code). */
public record LabelledSubject(EnrichmentSubject subject, String label) {

    public LabelledSubject {
        Objects.requireNonNull(subject, "subject");
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A training example needs a label");
        }
    }
}
