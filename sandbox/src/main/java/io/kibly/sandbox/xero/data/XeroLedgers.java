package io.kibly.sandbox.xero.data;

import io.kibly.sandbox.config.Organisation;
import io.kibly.sandbox.config.SandboxSettings;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The ledgers of every configured organisation, by tenant id. */
public final class XeroLedgers {

    private final Clock clock;
    private final Map<String, OrganisationLedger> byTenant = new ConcurrentHashMap<>();
    private volatile long seed;

    public XeroLedgers(SandboxSettings settings, Clock clock) {
        this.clock = clock;
        this.seed = settings.seed();
        apply(settings);
    }

    public Optional<OrganisationLedger> of(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(byTenant.get(tenantId.trim().toLowerCase()));
    }

    /**
     * Follows changed settings: a new seed means new data (and forgets the overlay); a new count keeps the
     * overlay. Organisations no longer configured disappear.
     */
    public synchronized void apply(SandboxSettings settings) {
        if (settings.seed() != seed) {
            byTenant.clear();
            seed = settings.seed();
        }
        byTenant.keySet().removeIf(id -> settings.organisation(id).isEmpty());
        for (Organisation organisation : settings.organisations()) {
            String key = organisation.tenantId().toLowerCase();
            OrganisationLedger ledger = byTenant.get(key);
            long step = organisation.updateStepMillis(BankTransactionGenerator.UPDATE_STEP_MILLIS);
            if (ledger == null || ledger.generator().stepMillis() != step) {
                // new data, or the history spread differently: other data, so the overlay of changes goes too
                byTenant.put(key, new OrganisationLedger(
                        new BankTransactionGenerator(seed, key, step), organisation.transactionCount(), clock));
            } else {
                ledger.changeCount(organisation.transactionCount());
            }
        }
    }

    public void forgetChanges() {
        byTenant.values().forEach(OrganisationLedger::forgetChanges);
    }
}
