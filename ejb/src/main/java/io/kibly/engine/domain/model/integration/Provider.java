package io.kibly.engine.domain.model.integration;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The accounting providers the engine connects to. */
public enum Provider {
    XERO,
    QUICKBOOKS;

    /** The provider's name as the API spells it: {@code xero}, {@code quickbooks}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> fromApiName(String apiName) {
        return Arrays.stream(values()).filter(p -> p.apiName().equals(apiName)).findFirst();
    }
}
