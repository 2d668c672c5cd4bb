package io.kibly.engine.infrastructure.messaging.events;

import io.kibly.engine.domain.model.tenant.TenantId;

/**
 * Each tenant's events go to a topic of its own, {@code kibly_events_<tenant>}, which only that tenant's broker
 * account may consume (the broker's access control, written by the launcher's {@code BrokerSecurity}, which
 * derives the same names). Tenant ids allow '-' and OpenMQ names do not: '_' is written "__" and '-' "_h", so two
 * tenants never share a topic.
 */
public final class TenantEventTopics {

    static final String PREFIX = "kibly_events_";

    private TenantEventTopics() {
    }

    public static String of(TenantId tenant) {
        return PREFIX + tenant.id().replace("_", "__").replace("-", "_h");
    }
}
