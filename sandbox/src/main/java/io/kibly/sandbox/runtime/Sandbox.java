package io.kibly.sandbox.runtime;

import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.quickbooks.QuickBooksQueryEndpoint;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.xero.accounting.BankTransactionsEndpoint;
import io.kibly.sandbox.xero.data.XeroLedgers;
import io.kibly.sandbox.xero.identity.XeroIdentity;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The one sandbox of this application: settings, data, limits and counters, shared by every request. */
@ApplicationScoped
public class Sandbox {

    private final AtomicReference<SandboxSettings> settings = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();
    private XeroLedgers xeroLedgers;
    private XeroRateLimiter xeroRateLimiter;
    private SandboxStats stats;
    private BankTransactionsEndpoint bankTransactions;
    private XeroIdentity xeroIdentity;
    private QuickBooksQueryEndpoint quickBooksQuery;

    @PostConstruct
    void start() {
        SettingsSource source = SettingsSource.fromSystem();
        settings.set(source.read());
        xeroLedgers = new XeroLedgers(settings.get(), clock);
        xeroRateLimiter = new XeroRateLimiter(clock, () -> settings.get().xeroLimits());
        stats = new SandboxStats();
        quickBooksQuery = new QuickBooksQueryEndpoint(source.quickBooks(), clock, stats);
        xeroIdentity = new XeroIdentity(clock, settings::get, source.xeroClients(), stats);
        bankTransactions = new BankTransactionsEndpoint(settings::get, xeroLedgers, xeroRateLimiter, stats, clock,
                () -> ThreadLocalRandom.current().nextDouble(), xeroIdentity::mayAccess);
    }

    public SandboxSettings settings() {
        return settings.get();
    }

    public SandboxSettings changeSettings(UnaryOperator<SandboxSettings> change) {
        SandboxSettings changed = settings.updateAndGet(change);
        xeroLedgers.apply(changed);
        return changed;
    }

    /** Forgets counters, rate-limit windows and admin changes; the settings, tokens and connections stay. */
    public void reset() {
        stats.reset();
        xeroRateLimiter.reset();
        xeroLedgers.forgetChanges();
    }

    public XeroLedgers xeroLedgers() {
        return xeroLedgers;
    }

    public SandboxStats stats() {
        return stats;
    }

    public XeroIdentity xeroIdentity() {
        return xeroIdentity;
    }

    public QuickBooksQueryEndpoint quickBooksQuery() {
        return quickBooksQuery;
    }

    public BankTransactionsEndpoint bankTransactions() {
        return bankTransactions;
    }
}
