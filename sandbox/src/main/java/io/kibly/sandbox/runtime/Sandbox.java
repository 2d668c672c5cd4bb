package io.kibly.sandbox.runtime;

import io.kibly.sandbox.config.SandboxSettings;
import io.kibly.sandbox.config.SettingsSource;
import io.kibly.sandbox.faults.FaultInjector;
import io.kibly.sandbox.faults.FaultSettings;
import io.kibly.sandbox.faults.SeededDice;
import io.kibly.sandbox.faults.Sleeper;
import io.kibly.sandbox.quickbooks.QuickBooksApiGuard;
import io.kibly.sandbox.quickbooks.QuickBooksBooks;
import io.kibly.sandbox.quickbooks.QuickBooksCdcEndpoint;
import io.kibly.sandbox.quickbooks.QuickBooksQueryEndpoint;
import io.kibly.sandbox.quickbooks.QuickBooksSettings;
import io.kibly.sandbox.quickbooks.identity.QuickBooksIdentity;
import io.kibly.sandbox.stats.SandboxStats;
import io.kibly.sandbox.webhooks.WebhookSender;
import io.kibly.sandbox.webhooks.Webhooks;
import io.kibly.sandbox.xero.accounting.BankTransactionsEndpoint;
import io.kibly.sandbox.xero.data.XeroLedgers;
import io.kibly.sandbox.xero.identity.XeroIdentity;
import io.kibly.sandbox.xero.ratelimit.XeroRateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The one sandbox of this application: settings, data, limits and counters, shared by every request. */
@ApplicationScoped
public class Sandbox {

    private final AtomicReference<SandboxSettings> settings = new AtomicReference<>();
    /** The faults other than the 503 rate, which is {@link SandboxSettings#faultRate()}. */
    private final AtomicReference<FaultSettings> faults = new AtomicReference<>();
    private final Clock clock = Clock.systemUTC();
    private SeededDice dice;
    private XeroLedgers xeroLedgers;
    private XeroRateLimiter xeroRateLimiter;
    private SandboxStats stats;
    private BankTransactionsEndpoint bankTransactions;
    private XeroIdentity xeroIdentity;
    private QuickBooksBooks quickBooksBooks;
    private QuickBooksApiGuard quickBooksGuard;
    private QuickBooksQueryEndpoint quickBooksQuery;
    private QuickBooksCdcEndpoint quickBooksCdc;
    private QuickBooksIdentity quickBooksIdentity;
    private Webhooks webhooks;

    @PostConstruct
    void start() {
        SettingsSource source = SettingsSource.fromSystem();
        settings.set(source.read());
        faults.set(source.faults());
        dice = new SeededDice(faults.get().seed());
        FaultInjector faultInjector = new FaultInjector(this::faultSettings, dice, Sleeper.REAL);
        xeroLedgers = new XeroLedgers(settings.get(), clock);
        xeroRateLimiter = new XeroRateLimiter(clock, () -> settings.get().xeroLimits());
        stats = new SandboxStats();
        xeroIdentity = new XeroIdentity(clock, settings::get, source.xeroClientRegistrations(), stats);
        bankTransactions = new BankTransactionsEndpoint(settings::get, xeroLedgers, xeroRateLimiter, stats, clock,
                faultInjector, xeroIdentity::mayAccess, xeroIdentity::isRevoked);

        QuickBooksSettings quickBooks = source.quickBooks();
        quickBooksIdentity = new QuickBooksIdentity(clock, source.quickBooksClients(),
                List.copyOf(quickBooks.realms().keySet()), stats);
        quickBooksBooks = new QuickBooksBooks(quickBooks, clock);
        quickBooksGuard = new QuickBooksApiGuard(quickBooks, clock, stats, faultInjector, quickBooksIdentity,
                () -> settings.get().requireAccessToken());
        quickBooksQuery = new QuickBooksQueryEndpoint(quickBooksBooks, quickBooksGuard, clock);
        quickBooksCdc = new QuickBooksCdcEndpoint(quickBooksBooks, quickBooksGuard, clock);
        webhooks = new Webhooks(source.webhooks(), WebhookSender.http(), clock);
    }

    public SandboxSettings settings() {
        return settings.get();
    }

    /** All fault settings in force, the 503 rate included. */
    public FaultSettings faultSettings() {
        return faults.get().withUnavailableRate(settings.get().faultRate());
    }

    public SandboxSettings changeSettings(UnaryOperator<SandboxSettings> change) {
        SandboxSettings changed = settings.updateAndGet(change);
        xeroLedgers.apply(changed);
        return changed;
    }

    /** Both kinds of settings at once, checked together (the fault rates may not add up to more than 1). */
    public synchronized void changeSettings(UnaryOperator<SandboxSettings> change, FaultSettings newFaults,
                                            boolean reseed) {
        SandboxSettings next = change.apply(settings.get());
        newFaults.withUnavailableRate(next.faultRate());
        changeSettings(current -> next);
        faults.set(newFaults);
        if (reseed) {
            dice.reseed(newFaults.seed());
        }
    }

    /** Forgets counters, rate-limit windows and admin changes; the settings, tokens and connections stay. */
    public void reset() {
        stats.reset();
        xeroRateLimiter.reset();
        xeroLedgers.forgetChanges();
        quickBooksGuard.reset();
        quickBooksBooks.forgetChanges();
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

    public QuickBooksCdcEndpoint quickBooksCdc() {
        return quickBooksCdc;
    }

    public QuickBooksIdentity quickBooksIdentity() {
        return quickBooksIdentity;
    }

    public QuickBooksBooks quickBooksBooks() {
        return quickBooksBooks;
    }

    public BankTransactionsEndpoint bankTransactions() {
        return bankTransactions;
    }

    /** Sends provider webhooks on the admin API's request. */
    public Webhooks webhooks() {
        return webhooks;
    }
}
