package io.kibly.sandbox.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consistent snapshot of everything configurable. Changing a setting makes a new snapshot, so a request
 * always sees one version of the settings from start to end.
 */
public record SandboxSettings(long seed,
                              List<Organisation> organisations,
                              XeroLimits xeroLimits,
                              double faultRate,
                              Duration accessTokenLifetime,
                              String providerName,
                              boolean requireAccessToken) {

    public SandboxSettings {
        organisations = List.copyOf(organisations);
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("faultRate must lie between 0 and 1, was " + faultRate);
        }
    }

    public Optional<Organisation> organisation(String tenantId) {
        if (tenantId == null) {
            return Optional.empty();
        }
        return organisations.stream().filter(o -> o.tenantId().equalsIgnoreCase(tenantId.trim())).findFirst();
    }

    public SandboxSettings withSeed(long newSeed) {
        return new SandboxSettings(newSeed, organisations, xeroLimits, faultRate, accessTokenLifetime, providerName,
                requireAccessToken);
    }

    public SandboxSettings withRequireAccessToken(boolean required) {
        return new SandboxSettings(seed, organisations, xeroLimits, faultRate, accessTokenLifetime, providerName,
                required);
    }

    public SandboxSettings withXeroLimits(XeroLimits limits) {
        return new SandboxSettings(seed, organisations, limits, faultRate, accessTokenLifetime, providerName,
                requireAccessToken);
    }

    public SandboxSettings withFaultRate(double rate) {
        return new SandboxSettings(seed, organisations, xeroLimits, rate, accessTokenLifetime, providerName,
                requireAccessToken);
    }

    public SandboxSettings withAccessTokenLifetime(Duration lifetime) {
        return new SandboxSettings(seed, organisations, xeroLimits, faultRate, lifetime, providerName,
                requireAccessToken);
    }

    public SandboxSettings withHistoryMonths(String tenantId, int months) {
        Map<String, Organisation> byId = new LinkedHashMap<>();
        organisations.forEach(o -> byId.put(o.tenantId(), o));
        Organisation existing = organisation(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("unknown organisation " + tenantId));
        byId.put(existing.tenantId(), existing.withHistoryMonths(months));
        return new SandboxSettings(seed, List.copyOf(byId.values()), xeroLimits, faultRate, accessTokenLifetime,
                providerName, requireAccessToken);
    }

    public SandboxSettings withTransactionCount(String tenantId, long count) {
        Map<String, Organisation> byId = new LinkedHashMap<>();
        organisations.forEach(o -> byId.put(o.tenantId(), o));
        Organisation existing = organisation(tenantId)
                .orElseThrow(() -> new IllegalArgumentException("unknown organisation " + tenantId));
        byId.put(existing.tenantId(), existing.withTransactionCount(count));
        return new SandboxSettings(seed, List.copyOf(byId.values()), xeroLimits, faultRate, accessTokenLifetime,
                providerName, requireAccessToken);
    }
}
