package io.kibly.engine.domain.model.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an integration connects: the provider's accounting ledger or a bank feed. */
public enum IntegrationType {
    ACCOUNTING,
    BANK;

    /** The type's name as the API spells it: {@code accounting}, {@code bank}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IntegrationType> fromApiName(String apiName) {
        return Arrays.stream(values()).filter(t -> t.apiName().equals(apiName)).findFirst();
    }
}
