package io.kibly.engine.domain.model.enrichment;

import java.util.Objects;

/**
 * The categoriser's best label for a transaction.
 *
 * @param confidence the posterior probability of the label under the model, between 0 and 1
 */
public record Prediction(String label, double confidence) {

    public Prediction {
        Objects.requireNonNull(label, "label");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }
}
