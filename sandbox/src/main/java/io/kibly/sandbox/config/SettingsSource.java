package io.kibly.sandbox.config;

import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.quickbooks.QuickBooksSettings;
import io.kibly.sandbox.webhooks.WebhookSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the settings from system properties, falling back to environment variables ({@code sandbox.xero.seed}
 * becomes {@code SANDBOX_XERO_SEED}), falling back to defaults. See the module's README for the list.
 */
public final class SettingsSource {

    /** The demo organisations when {@code sandbox.xero.organisations} is not set. */
    static final String DEFAULT_ORGANISATIONS =
            "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001:Demo Company (UK),"
                    + "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a002:Demo Company (NZ)";

    private final Function<String, String> lookup;

    public SettingsSource(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static SettingsSource fromSystem() {
        return new SettingsSource(key -> {
            String value = System.getProperty(key);
            return value != null ? value : System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
        });
    }

    public SandboxSettings read() {
        long count = longValue("sandbox.xero.transactionsPerOrganisation", 100_000);
        List<Organisation> organisations = new ArrayList<>();
        for (String entry : text("sandbox.xero.organisations", DEFAULT_ORGANISATIONS).split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] idAndName = entry.trim().split(":", 2);
            String tenantId = idAndName[0].trim();
            String name = idAndName.length > 1 ? idAndName[1].trim() : "Organisation " + tenantId;
            long ownCount = longValue("sandbox.xero.transactions." + tenantId, count);
            organisations.add(new Organisation(tenantId, name, ownCount));
        }
        XeroLimits published = XeroLimits.asPublished();
        XeroLimits limits = new XeroLimits(
                (int) longValue("sandbox.xero.limit.perMinute", published.perMinute()),
                (int) longValue("sandbox.xero.limit.perDay", published.perDay()),
                (int) longValue("sandbox.xero.limit.concurrent", published.concurrent()),
                (int) longValue("sandbox.xero.limit.appPerMinute", published.appPerMinute()),
                Duration.ofSeconds(longValue("sandbox.xero.limit.minuteWindowSeconds", 60)),
                Duration.ofSeconds(longValue("sandbox.xero.limit.dayWindowSeconds", 86_400)));
        return new SandboxSettings(
                longValue("sandbox.seed", 20161013L),
                organisations,
                limits,
                Double.parseDouble(text("sandbox.faultRate", "0")),
                Duration.ofSeconds(longValue("sandbox.xero.accessTokenLifetimeSeconds", 1_800)),
                text("sandbox.xero.providerName", "Kibly Sandbox"),
                Boolean.parseBoolean(text("sandbox.xero.requireAccessToken", "false")));
    }

    /** QuickBooks Online: {@code sandbox.quickbooks.realms} = {@code realmId:Company name,...}. */
    public QuickBooksSettings quickBooks() {
        return new QuickBooksSettings(longValue("sandbox.seed", 20161013L), quickBooksRealms(),
                longValue("sandbox.quickbooks.purchasesPerRealm", 100_000),
                longValue("sandbox.quickbooks.depositsPerRealm", QuickBooksSettings.DEFAULT_DEPOSITS),
                (int) longValue("sandbox.quickbooks.limit.perMinute", 500),
                (int) longValue("sandbox.quickbooks.limit.concurrent", 10));
    }

    /**
     * The webhook secrets: {@code sandbox.xero.webhookKey} and {@code sandbox.quickbooks.webhookVerifierToken};
     * QuickBooks events belong to the first configured realm unless a request names one.
     */
    public WebhookSettings webhooks() {
        return new WebhookSettings(text("sandbox.xero.webhookKey", WebhookSettings.DEFAULT_XERO_KEY),
                text("sandbox.quickbooks.webhookVerifierToken", WebhookSettings.DEFAULT_VERIFIER_TOKEN),
                quickBooksRealms().keySet().stream().findFirst().orElse(""));
    }

    /** {@code sandbox.quickbooks.realms} in the configured order. */
    private Map<String, String> quickBooksRealms() {
        Map<String, String> realms = new LinkedHashMap<>();
        for (String entry : text("sandbox.quickbooks.realms", "9341453050098765:Sandbox Company_US_1").split(",")) {
            String[] idAndName = entry.trim().split(":", 2);
            if (!idAndName[0].isBlank()) {
                realms.put(idAndName[0], idAndName.length > 1 ? idAndName[1] : "Company " + idAndName[0]);
            }
        }
        return realms;
    }

    /** The apps that may use the identity service: {@code sandbox.xero.clients} = {@code id:secret,...}. */
    public Map<String, String> xeroClients() {
        Map<String, String> clients = new LinkedHashMap<>();
        xeroClientRegistrations().forEach(c -> clients.put(c.id(), c.secret()));
        return clients;
    }

    /** {@code sandbox.xero.clients} with the redirect URIs: {@code id:secret[:uri1|uri2],...}. */
    public List<OAuthClient> xeroClientRegistrations() {
        return OAuthClient.parseList(text("sandbox.xero.clients", "kibly-sandbox-client:kibly-sandbox-secret"));
    }

    /** {@code sandbox.quickbooks.clients} = {@code id:secret[:uri1|uri2],...}. */
    public List<OAuthClient> quickBooksClients() {
        return OAuthClient.parseList(text("sandbox.quickbooks.clients", "kibly-qbo-client:kibly-qbo-secret"));
    }

    /**
     * {@code sandbox.fault.*}: the injected faults other than the 503s of {@code sandbox.faultRate}, which this
     * copies in; the dice's seed defaults to {@code sandbox.seed}.
     */
    public FaultSettings faults() {
        return new FaultSettings(
                doubleValue("sandbox.fault.serverErrorRate", 0),
                doubleValue("sandbox.faultRate", 0),
                doubleValue("sandbox.fault.slowRate", 0),
                longValue("sandbox.fault.slowMillis", FaultSettings.DEFAULT_SLOW_MILLIS),
                doubleValue("sandbox.fault.timeoutRate", 0),
                longValue("sandbox.fault.timeoutMillis", FaultSettings.DEFAULT_TIMEOUT_MILLIS),
                doubleValue("sandbox.fault.malformedRate", 0),
                longValue("sandbox.fault.seed", longValue("sandbox.seed", 20161013L)));
    }

    private double doubleValue(String key, double fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a number, was " + value, e);
        }
    }

    private String text(String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private long longValue(String key, long fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + key + " must be a whole number, was " + value, e);
        }
    }
}
