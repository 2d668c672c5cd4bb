package io.kibly.engine.application.internal;

import io.kibly.engine.application.InputRules;
import io.kibly.engine.application.DueWork;
import io.kibly.engine.application.SyncService;
import io.kibly.engine.application.WebhookService;
import io.kibly.engine.domain.model.integration.Provider;
import io.kibly.engine.domain.model.sync.SyncTrigger;
import io.kibly.engine.domain.model.sync.SyncType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Records each event's key first (a key seen before is dropped), then starts the syncs, each in its own tenant's
 * transaction: a burst of events for one organisation starts one sync, the later ones find it active.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultWebhookService implements WebhookService {

    private static final Logger LOG = Logger.getLogger(DefaultWebhookService.class.getName());

    @Inject
    DueWork due;

    @Inject
    SyncService syncs;

    @Override
    public int receive(Provider provider, List<ProviderEvent> events) {
        Set<String> providerTenants = new LinkedHashSet<>();
        for (ProviderEvent event : events) {
            if (!InputRules.storable(event.providerTenantId()) || !InputRules.storable(event.key())) {
                continue; // names no organisation the engine could have; comparing it in SQL would fail
            }
            if (due.firstDelivery(provider, event.key())) {
                providerTenants.add(event.providerTenantId());
            }
        }
        int started = 0;
        for (String providerTenant : providerTenants) {
            for (DueWork.Item integration : due.integrationsOf(provider, providerTenant)) {
                syncs.start(integration.tenantId(), "webhook:" + provider.apiName(), new SyncService.SyncRequest(
                        integration.id(), SyncType.INCREMENTAL, SyncTrigger.WEBHOOK, 5, null, null), null);
                started++;
            }
        }
        int count = started;
        LOG.fine(() -> provider + " webhook: " + events.size() + " events, " + count + " syncs started or active");
        return started;
    }
}
