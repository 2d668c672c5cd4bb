package io.kibly.sandbox.quickbooks;

import java.util.Map;

/** Realms (company ids) with their names, entities per realm, and the limits. Read at start only. */
public record QuickBooksSettings(long seed, Map<String, String> realms, long purchasesPerRealm,
                                 long depositsPerRealm, int perMinute, int concurrent) {

    public static final long DEFAULT_DEPOSITS = 20_000;

    public QuickBooksSettings {
        realms = Map.copyOf(realms);
    }

    public QuickBooksSettings(long seed, Map<String, String> realms, long purchasesPerRealm, int perMinute,
                              int concurrent) {
        this(seed, realms, purchasesPerRealm, DEFAULT_DEPOSITS, perMinute, concurrent);
    }
}
