package io.kibly.sandbox.stats;

import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Counters by tenant; a token refresh counts for every organisation the refreshing app is connected to. */
public final class SandboxStats {

    private final Map<String, TenantCounters> byTenant = new ConcurrentHashMap<>();

    public TenantCounters of(String tenantId) {
        return byTenant.computeIfAbsent(tenantId.trim().toLowerCase(Locale.ROOT), id -> new TenantCounters());
    }

    public void callServed(String tenantId) {
        of(tenantId).callsServed.incrementAndGet();
    }

    public void rateLimited(String tenantId) {
        of(tenantId).rateLimited.incrementAndGet();
    }

    public void tokenRefreshed(String tenantId) {
        of(tenantId).tokenRefreshes.incrementAndGet();
    }

    public void faultInjected(String tenantId) {
        of(tenantId).faultsInjected.incrementAndGet();
    }

    public void reset() {
        byTenant.clear();
    }

    public JsonObject toJson() {
        JsonObjectBuilder tenants = JsonBuilders.object();
        new TreeMap<>(byTenant).forEach((tenant, counters) -> tenants.add(tenant, JsonBuilders.object()
                .add("callsServed", counters.callsServed())
                .add("rateLimited", counters.rateLimited())
                .add("tokenRefreshes", counters.tokenRefreshes())
                .add("faultsInjected", counters.faultsInjected())));
        return JsonBuilders.object().add("tenants", tenants).build();
    }
}
