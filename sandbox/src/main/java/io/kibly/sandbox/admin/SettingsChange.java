package io.kibly.sandbox.admin;

import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.XeroLimits;
import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;

/**
 * Applies a partial settings document ({@code PUT /sandbox/admin/config}); fields left out keep their value.
 * Shape: {@code {seed, faultRate, accessTokenLifetimeSeconds, requireAccessToken, xeroLimits:{perMinute, perDay,
 * concurrent, appPerMinute, minuteWindowSeconds, dayWindowSeconds}, transactionCounts:{tenantId: count}}}.
 */
public final class SettingsChange {

    private SettingsChange() {
    }

    public static SandboxSettings apply(SandboxSettings settings, JsonObject change) {
        SandboxSettings result = settings;
        if (change.containsKey("seed")) {
            result = result.withSeed(change.getJsonNumber("seed").longValueExact());
        }
        if (change.containsKey("faultRate")) {
            result = result.withFaultRate(change.getJsonNumber("faultRate").doubleValue());
        }
        if (change.containsKey("accessTokenLifetimeSeconds")) {
            result = result.withAccessTokenLifetime(Duration.ofSeconds(
                    change.getJsonNumber("accessTokenLifetimeSeconds").longValueExact()));
        }
        if (change.containsKey("requireAccessToken")) {
            result = result.withRequireAccessToken(change.getBoolean("requireAccessToken"));
        }
        if (change.containsKey("xeroLimits")) {
            JsonObject limits = change.getJsonObject("xeroLimits");
            XeroLimits old = result.xeroLimits();
            result = result.withXeroLimits(new XeroLimits(
                    limits.getInt("perMinute", old.perMinute()),
                    limits.getInt("perDay", old.perDay()),
                    limits.getInt("concurrent", old.concurrent()),
                    limits.getInt("appPerMinute", old.appPerMinute()),
                    Duration.ofSeconds(limits.getInt("minuteWindowSeconds", (int) old.minuteWindow().toSeconds())),
                    Duration.ofSeconds(limits.getInt("dayWindowSeconds", (int) old.dayWindow().toSeconds()))));
        }
        if (change.containsKey("transactionCounts")) {
            for (var entry : change.getJsonObject("transactionCounts").entrySet()) {
                result = result.withTransactionCount(entry.getKey(),
                        ((jakarta.json.JsonNumber) entry.getValue()).longValueExact());
            }
        }
        return result;
    }

    public static JsonObject toJson(SandboxSettings settings) {
        JsonObjectBuilder organisations = JsonBuilders.object();
        settings.organisations().forEach(o -> organisations.add(o.tenantId(), JsonBuilders.object()
                .add("name", o.name()).add("transactionCount", o.transactionCount())));
        XeroLimits limits = settings.xeroLimits();
        return JsonBuilders.object()
                .add("seed", settings.seed())
                .add("faultRate", settings.faultRate())
                .add("accessTokenLifetimeSeconds", settings.accessTokenLifetime().toSeconds())
                .add("providerName", settings.providerName())
                .add("requireAccessToken", settings.requireAccessToken())
                .add("xeroLimits", JsonBuilders.object()
                        .add("perMinute", limits.perMinute())
                        .add("perDay", limits.perDay())
                        .add("concurrent", limits.concurrent())
                        .add("appPerMinute", limits.appPerMinute())
                        .add("minuteWindowSeconds", limits.minuteWindow().toSeconds())
                        .add("dayWindowSeconds", limits.dayWindow().toSeconds()))
                .add("organisations", organisations)
                .build();
    }
}
