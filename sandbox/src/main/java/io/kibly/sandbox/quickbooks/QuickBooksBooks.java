package io.kibly.sandbox.quickbooks;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The books of every configured realm. */
public final class QuickBooksBooks {

    private final QuickBooksSettings settings;
    private final Map<String, RealmBooks> byRealm = new LinkedHashMap<>();

    public QuickBooksBooks(QuickBooksSettings settings, Clock clock) {
        this.settings = settings;
        settings.realms().keySet().forEach(realm -> byRealm.put(realm, RealmBooks.of(settings, realm, clock)));
    }

    public QuickBooksSettings settings() {
        return settings;
    }

    public Optional<RealmBooks> of(String realmId) {
        return realmId == null ? Optional.empty() : Optional.ofNullable(byRealm.get(realmId.trim()));
    }

    public void forgetChanges() {
        byRealm.values().forEach(RealmBooks::forgetChanges);
    }
}
