package io.kibly.engine.it;

import io.kibly.engine.serverconfig.DatabaseSettings;
import io.kibly.engine.serverconfig.KiblyEnvironment;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Brings up the test environment once per test run, before the first test: an empty embedded PostgreSQL, a
 * Payara domain configured by server-config's scripts (the launcher's own code) and the provider sandbox on
 * Payara Micro, then stops them at the end.
 * Arquillian connects to that running server ({@code allowConnectingToRunningServer}) and deploys into it.
 *
 * <p>Properties it publishes for the tests and arquillian.xml: {@code kibly.it.payaraHome},
 * {@code kibly.it.adminPort}, {@code kibly.it.baseUrl}, {@code kibly.it.jdbcUrl}, {@code kibly.it.dbUser},
 * {@code kibly.it.dbPassword}, {@code kibly.it.sandboxUrl}, {@code kibly.it.jwtDirectory} (the development issuer's keys, to mint tokens).
 */
public class KiblyTestEnvironment implements TestExecutionListener {

    private static final Logger LOG = Logger.getLogger(KiblyTestEnvironment.class.getName());

    private static KiblyEnvironment environment;

    /** The running environment, for tests that act on the servers themselves (crash and restart). */
    static KiblyEnvironment current() {
        return environment;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        if (!testPlan.containsTests()) {
            return;
        }
        long started = System.nanoTime();
        Path home = Path.of(System.getProperty("kibly.it.home", "target/kibly-it"));
        int portBase = Integer.getInteger("kibly.it.portBase", 28000);
        // Refresh tokens 20 s before they expire: TokenRefreshIT gives the sandbox's tokens a 30 s life.
        // Two vault keys, the second active: KeyRotationIT moves secrets from the first to the second.
        String oldKey = VaultKeysForTests.newKey();
        String newKey = VaultKeysForTests.newKey();
        System.setProperty("kibly.it.vaultOldKey", oldKey);
        System.setProperty("kibly.it.vaultNewKey", newKey);
        environment = new KiblyEnvironment(home, portBase, "1g", Map.of(
                "KIBLY_CONNECTIONS_REFRESH_MARGIN_SECONDS", "20",
                "KIBLY_VAULT_KEYS", VaultKeysForTests.OLD + ":" + oldKey + "," + VaultKeysForTests.NEW + ":" + newKey,
                "KIBLY_VAULT_ACTIVE_KEY", VaultKeysForTests.NEW,
                // quick retries, so that failure tests take seconds
                "KIBLY_SYNC_STALL_AFTER_SECONDS", "10", "KIBLY_SYNC_BACKOFF_BASE_MS", "200", "KIBLY_SYNC_BACKOFF_CAP_MS", "1500", "KIBLY_SYNC_MAX_ATTEMPTS", "4",
                // FULL syncs of 35,000 and more run as batch imports (BatchImportIT); the other tests' stay smaller
                "KIBLY_SYNC_BATCH_THRESHOLD", "35000"));
        environment.stopServers(); // whatever a killed earlier run left behind
        environment.discardEmbeddedData();
        DatabaseSettings database = environment.startServers();
        environment.undeployLeftover();
        environment.sandbox().start(Path.of(System.getProperty("kibly.it.sandboxWar",
                "target/deployments/kibly-sandbox.war")), Map.of(
                // QuickBooks' counts are read at start: small books keep the QuickBooks syncs quick
                "sandbox.quickbooks.purchasesPerRealm", "3000", "sandbox.quickbooks.depositsPerRealm", "600",
                // the two demo organisations, and one more per sync test (each its own rate windows and data)
                "sandbox.xero.organisations", SandboxControl.ORGANISATIONS.stream().map(id -> id + ":Org " + id.substring(30))
                        .collect(java.util.stream.Collectors.joining(","))));
        System.setProperty("kibly.it.sandboxUrl", environment.sandbox().url());

        System.setProperty("kibly.it.payaraHome", environment.payara().home().toString());
        System.setProperty("kibly.it.adminPort", String.valueOf(environment.payara().adminPort()));
        System.setProperty("kibly.it.baseUrl", environment.httpUrl());
        System.setProperty("kibly.it.jdbcUrl", database.jdbcUrl());
        System.setProperty("kibly.it.dbUser", database.user());
        System.setProperty("kibly.it.dbPassword", database.password());
        System.setProperty("kibly.it.appUser", database.appUser());
        System.setProperty("kibly.it.appPassword", database.appPassword());
        System.setProperty("kibly.it.jwtDirectory", environment.devTokens().ensureKeys().publicKeyFile().getParent()
                .toString());
        System.setProperty("kibly.it.serverLog", environment.payara().serverLog().toString());
        System.setProperty("kibly.it.brokerUrl", environment.brokerUrl());
        System.setProperty("kibly.it.brokerServerPassword", environment.brokerSecurity().serverPassword());
        System.setProperty("kibly.it.brokerAdminPassword", environment.brokerSecurity().adminPassword());
        System.setProperty("kibly.it.adminPassword", environment.payara().adminPassword());
        LOG.info(() -> String.format("Test environment up in %.1f s: %s, database %s",
                (System.nanoTime() - started) / 1e9, environment.httpUrl(), database));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (environment != null) {
            environment.stopServers();
        }
    }
}
