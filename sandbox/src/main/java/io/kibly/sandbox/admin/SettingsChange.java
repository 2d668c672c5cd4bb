package io.kibly.sandbox.admin;

import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.XeroLimits;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.json.JsonBuilders;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;

/**
 * Applies a partial settings document ({@code PUT /sandbox/admin/config}); fields left out keep their value.
 * Shape: {@code {seed, faultRate, accessTokenLifetimeSeconds, requireAccessToken, xeroLimits:{perMinute, perDay,
 * concurrent, appPerMinute, minuteWindowSeconds, dayWindowSeconds}, transactionCounts:{tenantId: count},
 * historyMonths:{tenantId: months (the transactions spread evenly over them; 0: 5 minutes apart)},
 * faults:{serverErrorRate, slowRate, slowMillis, timeoutRate, timeoutMillis, malformedRate, seed}}}; the 503
 * rate of the faults is {@code faultRate}.
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
        if (change.containsKey("historyMonths")) {
            for (var entry : change.getJsonObject("historyMonths").entrySet()) {
                result = result.withHistoryMonths(entry.getKey(), ((jakarta.json.JsonNumber) entry.getValue()).intValueExact());
            }
        }
        return result;
    }

    /** The {@code faults} part of a change; a {@code seed} there also reseeds the dice (the caller does that). */
    public static FaultSettings applyFaults(FaultSettings faults, JsonObject change) {
        if (!change.containsKey("faults")) {
            return faults;
        }
        JsonObject f = change.getJsonObject("faults");
        return new FaultSettings(
                number(f, "serverErrorRate", faults.serverErrorRate()),
                faults.unavailableRate(),
                number(f, "slowRate", faults.slowRate()),
                f.containsKey("slowMillis") ? f.getJsonNumber("slowMillis").longValueExact() : faults.slowMillis(),
                number(f, "timeoutRate", faults.timeoutRate()),
                f.containsKey("timeoutMillis") ? f.getJsonNumber("timeoutMillis").longValueExact()
                        : faults.timeoutMillis(),
                number(f, "malformedRate", faults.malformedRate()),
                f.containsKey("seed") ? f.getJsonNumber("seed").longValueExact() : faults.seed());
    }

    /** The settings with the {@code faults} object added. */
    public static JsonObject toJson(SandboxSettings settings, FaultSettings faults) {
        return JsonBuilders.object(toJson(settings))
                .add("faults", JsonBuilders.object()
                        .add("serverErrorRate", faults.serverErrorRate())
                        .add("slowRate", faults.slowRate())
                        .add("slowMillis", faults.slowMillis())
                        .add("timeoutRate", faults.timeoutRate())
                        .add("timeoutMillis", faults.timeoutMillis())
                        .add("malformedRate", faults.malformedRate())
                        .add("seed", faults.seed()))
                .build();
    }

    private static double number(JsonObject json, String name, double fallback) {
        return json.containsKey(name) ? json.getJsonNumber(name).doubleValue() : fallback;
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
