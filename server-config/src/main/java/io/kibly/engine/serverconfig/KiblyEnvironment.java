package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The engine's whole server environment in one working directory: PostgreSQL (configured or embedded), the
 * Payara domain configured by the asadmin scripts, and optionally the deployed EAR. Idempotent: starting what
 * runs already is a no-op, and a domain is configured once.
 *
 * <pre>
 * workDirectory/
 *   payara/payara6/...          Payara Server Full, domain "kibly", owned by the service account (moved under
 *                               /var/tmp when root cannot share it)
 *   payara/admin.password       the domain administrator's generated password (0600)
 *   postgres/{bin-*,data}       the embedded PostgreSQL (moved under /var/tmp when root cannot share it)
 *   sandbox/                    the provider sandbox on Payara Micro: pid, log
 *   jwt/                        the development token issuer's key pair
 *   broker/*.password           the broker's admin and server account passwords (generated once)
 *   broker/tenants/T.password   tenant T's corporate broker account
 *   deployed.sha256             the EAR last deployed (skips a redeploy of the same build)
 * </pre>
 */
public final class KiblyEnvironment {

    private static final Logger LOG = Logger.getLogger(KiblyEnvironment.class.getName());
    public static final String APPLICATION = "kibly";
    private static final String CONFIGURE_DOMAIN = "configure-domain.asadmin";
    static final String EMBEDDED_DATABASE = "kibly";
    static final String EMBEDDED_USER = "kibly";
    static final String EMBEDDED_PASSWORD = "kibly";
    static final String EMBEDDED_APP_USER = "kibly_app";
    static final String EMBEDDED_APP_PASSWORD = "kibly_app";

    private final Path workDirectory;
    private final int portBase;
    private final String heap;
    private final Map<String, String> environment;
    private final Distribution distribution;
    private final PayaraServer payara;
    private final boolean newAdminPassword;
    private final Path adminPasswordFile;

    public KiblyEnvironment(Path workDirectory, int portBase, String heap, Map<String, String> environment) {
        this.workDirectory = workDirectory.toAbsolutePath().normalize();
        this.portBase = portBase;
        this.heap = heap;
        this.environment = environment;
        this.distribution = Distribution.fromBuild();
        // The administrator's password lives with the installation whose domain it protects (which may have moved
        // under /var/tmp and outlive this work directory).
        Path installation = ServiceUser.homeFor(this.workDirectory.resolve("payara"), "kibly-payara");
        this.adminPasswordFile = installation.resolve("admin.password");
        this.newAdminPassword = !KeptSecret.exists(adminPasswordFile);
        this.payara = new PayaraServer(installation, portBase, KeptSecret.ensurePassword(adminPasswordFile));
    }

    public PayaraServer payara() {
        return payara;
    }

    /** Where the domain administrator's password is kept (0600), and whether this run generated it. */
    public Path adminPasswordFile() {
        return adminPasswordFile;
    }

    public boolean adminPasswordIsNew() {
        return newAdminPassword;
    }

    /** The broker's accounts and access control. */
    public BrokerSecurity brokerSecurity() {
        return new BrokerSecurity(workDirectory.resolve("broker"), payara);
    }

    public int embeddedDatabasePort() {
        return portBase + 432;
    }

    /** The database the engine uses (the configured one, else the embedded one), whether running or not. */
    public DatabaseSettings database() {
        return configuredDatabase().orElseGet(() -> new DatabaseSettings("127.0.0.1", embeddedDatabasePort(),
                EMBEDDED_DATABASE, EMBEDDED_USER, EMBEDDED_PASSWORD, EMBEDDED_APP_USER, EMBEDDED_APP_PASSWORD));
    }

    private Optional<DatabaseSettings> configuredDatabase() {
        return DatabaseSettings.configured(environment);
    }

    private EmbeddedPostgres embeddedPostgres() {
        return new EmbeddedPostgres(EmbeddedPostgres.homeFor(workDirectory.resolve("postgres")),
                distribution.postgresVersion(), embeddedDatabasePort());
    }

    /** Starts the database and the configured domain; returns the database the engine uses. */
    public DatabaseSettings startServers() {
        DatabaseSettings database = configuredDatabase().orElseGet(() -> embeddedPostgres()
                .start(EMBEDDED_DATABASE, EMBEDDED_USER, EMBEDDED_PASSWORD, EMBEDDED_APP_USER, EMBEDDED_APP_PASSWORD));
        LOG.info(() -> "Database: " + database + (configuredDatabase().isPresent() ? " (configured)" : " (embedded)"));
        ServerTables.ensure(database);

        payara.install(distribution.payaraZip());
        payara.setServerEnvironment(serverEnvironment());
        String configuration = payara.scriptChecksum(CONFIGURE_DOMAIN) + " heap=" + heap;
        if (payara.domainExists() && !payara.isConfiguredAs(configuration)) {
            // The domain is derived from the scripts alone (data lives in PostgreSQL): when they change, rebuild it.
            LOG.info("The domain configuration scripts changed: recreating the domain");
            payara.deleteDomain();
        }
        if (!payara.domainExists()) {
            payara.createDomain();
        }
        if (!payara.isRunning()) {
            payara.start();
        }
        BrokerSecurity broker = brokerSecurity();
        if (!payara.isConfiguredAs(configuration)) {
            payara.runScript(CONFIGURE_DOMAIN, Map.of("heap", heap,
                    "postgresqlJar", payara.stage(postgresqlDriverJar()).toString(),
                    "adminAddress", environment.getOrDefault("KIBLY_ADMIN_ADDRESS", "127.0.0.1"),
                    "brokerAddress", brokerAddress(),
                    "brokerServerUser", BrokerSecurity.SERVER_USER, "brokerServerPassword", broker.serverPassword()));
            payara.limitBrokerRollbacks(5);
            payara.setBrokerProperty("imq.hostname", brokerAddress());
            payara.setBrokerProperty("imq.portmapper.hostname", brokerAddress());
            broker.secureNewBroker();
            payara.markConfigured(configuration);
            applySettings(database);
            // JVM options, the batch runtime's data source and the broker settings take effect on restart.
            payara.restart();
            payara.keepDeadLetters(broker.adminPassword());
        } else {
            applySettings(database);
        }
        broker.ensureAccounts();
        return database;
    }

    private void applySettings(DatabaseSettings database) {
        DevTokens tokens = devTokens().ensureKeys();
        Map<String, String> settings = new java.util.HashMap<>(Map.of("dbHost", database.host(),
                "dbPort", String.valueOf(database.port()), "dbName", database.database(), "dbUser", database.user(),
                "dbPassword", database.password(), "dbAppUser", database.appUser(), "dbAppPassword", database.appPassword(),
                "jwtIssuer", environment.getOrDefault("KIBLY_JWT_ISSUER", DevTokens.ISSUER),
                "jwtPublicKeyLocation", environment.getOrDefault("KIBLY_JWT_PUBLIC_KEY_LOCATION",
                        payara.stage(tokens.publicKeyFile()).toUri().toString())));
        settings.put("brokerAdminPassword", brokerSecurity().adminPassword());
        settings.put("brokerServerUser", BrokerSecurity.SERVER_USER);
        settings.put("brokerServerPassword", brokerSecurity().serverPassword());
        settings.putAll(providerUrls());
        payara.runScript("update-settings.asadmin", settings);
    }

    /**
     * The providers' base URLs: each real host, or the sandbox, which serves every provider path under one base
     * (QuickBooks' app center under {@code /appcenter}).
     */
    private Map<String, String> providerUrls() {
        String sandbox = sandbox().url();
        return Map.of(
                "xeroLoginUrl", environment.getOrDefault("KIBLY_XERO_LOGIN_URL", sandbox),
                "xeroIdentityUrl", environment.getOrDefault("KIBLY_XERO_IDENTITY_URL", sandbox),
                "xeroApiUrl", environment.getOrDefault("KIBLY_XERO_API_URL", sandbox),
                "quickbooksAppcenterUrl", environment.getOrDefault("KIBLY_QUICKBOOKS_APPCENTER_URL", sandbox + "/appcenter"),
                "quickbooksOauthUrl", environment.getOrDefault("KIBLY_QUICKBOOKS_OAUTH_URL", sandbox),
                "quickbooksRevokeUrl", environment.getOrDefault("KIBLY_QUICKBOOKS_REVOKE_URL", sandbox),
                "quickbooksApiUrl", environment.getOrDefault("KIBLY_QUICKBOOKS_API_URL", sandbox));
    }

    /**
     * What the server gets through its environment: the token vault's keys (generated on first start into
     * {@code vault/keys}, readable by the owner only, unless {@code KIBLY_VAULT_KEYS} is given), the providers' OAuth
     * client credentials (the sandbox's unless given) and the redirect URIs the engine accepts.
     */
    private Map<String, String> serverEnvironment() {
        refuseSandboxSecretsForRealProviders(environment);
        Map<String, String> settings = new java.util.HashMap<>();
        if (environment.containsKey("KIBLY_VAULT_KEYS")) {
            settings.put("KIBLY_VAULT_KEYS", environment.get("KIBLY_VAULT_KEYS"));
            settings.put("KIBLY_VAULT_ACTIVE_KEY", environment.getOrDefault("KIBLY_VAULT_ACTIVE_KEY", ""));
        } else {
            settings.put("KIBLY_VAULT_KEYS", VaultKeys.ensure(workDirectory.resolve("vault/keys")));
            settings.put("KIBLY_VAULT_ACTIVE_KEY", VaultKeys.DEVELOPMENT_KEY_ID);
        }
        settings.put("KIBLY_XERO_CLIENT_ID", environment.getOrDefault("KIBLY_XERO_CLIENT_ID", "kibly-sandbox-client"));
        settings.put("KIBLY_XERO_CLIENT_SECRET", environment.getOrDefault("KIBLY_XERO_CLIENT_SECRET",
                "kibly-sandbox-secret"));
        settings.put("KIBLY_QUICKBOOKS_CLIENT_ID", environment.getOrDefault("KIBLY_QUICKBOOKS_CLIENT_ID",
                "kibly-qbo-client"));
        settings.put("KIBLY_QUICKBOOKS_CLIENT_SECRET", environment.getOrDefault("KIBLY_QUICKBOOKS_CLIENT_SECRET",
                "kibly-qbo-secret"));
        // webhook secrets: the sandbox's by default (a real app's come from the environment)
        settings.put("KIBLY_WEBHOOKS_XERO_KEY", environment.getOrDefault("KIBLY_WEBHOOKS_XERO_KEY",
                "kibly-sandbox-webhook-key"));
        settings.put("KIBLY_WEBHOOKS_QUICKBOOKS_VERIFIER_TOKEN", environment.getOrDefault(
                "KIBLY_WEBHOOKS_QUICKBOOKS_VERIFIER_TOKEN", "kibly-sandbox-verifier-token"));
        environment.forEach((name, value) -> {
            // tuning: connections (refresh margin), syncs (attempts, backoff, page size, batch imports), the rate
            // budget, enrichment's defaults, the events' progress interval, the bearer tokens' clock skew
            if (name.startsWith("KIBLY_CONNECTIONS_") || name.startsWith("KIBLY_SYNC_") || name.startsWith("KIBLY_RATE_")
                    || name.startsWith("KIBLY_ENRICHMENT_") || name.startsWith("KIBLY_EVENTS_")
                    || name.startsWith("KIBLY_TOKEN_")) {
                settings.put(name, value);
            }
        });
        settings.put("KIBLY_OAUTH_REDIRECT_URIS", environment.getOrDefault("KIBLY_OAUTH_REDIRECT_URIS",
                httpUrl() + "/admin/oauth-callback.html"));
        return settings;
    }

    /** The sandbox's published secrets: fine against the sandbox, never against a real provider. */
    private static final Map<String, String> SANDBOX_SECRETS = Map.of(
            "KIBLY_XERO_CLIENT_SECRET", "XERO", "KIBLY_WEBHOOKS_XERO_KEY", "XERO",
            "KIBLY_QUICKBOOKS_CLIENT_SECRET", "QUICKBOOKS", "KIBLY_WEBHOOKS_QUICKBOOKS_VERIFIER_TOKEN", "QUICKBOOKS");

    private static final java.util.Set<String> PUBLISHED_SANDBOX_VALUES = java.util.Set.of("kibly-sandbox-secret",
            "kibly-qbo-secret", "kibly-sandbox-webhook-key", "kibly-sandbox-verifier-token");

    /**
     * Refuses to start when a provider's URL points somewhere else than the sandbox while that provider's client
     * secret or webhook key is left at the sandbox's published value (anyone could sign its webhooks).
     */
    static void refuseSandboxSecretsForRealProviders(Map<String, String> environment) {
        for (Map.Entry<String, String> secret : new java.util.TreeMap<>(SANDBOX_SECRETS).entrySet()) {
            String provider = secret.getValue();
            boolean realProvider = environment.keySet().stream()
                    .anyMatch(name -> name.startsWith("KIBLY_" + provider + "_") && name.endsWith("_URL"));
            String value = environment.get(secret.getKey());
            if (realProvider && (value == null || value.isBlank() || PUBLISHED_SANDBOX_VALUES.contains(value))) {
                throw new LauncherException("A real " + provider.toLowerCase(java.util.Locale.ROOT)
                        + " URL is configured but " + secret.getKey() + " is the sandbox's published value (or unset)."
                        + " Set " + secret.getKey() + " to your app's own value.");
            }
        }
    }

    /** The local development issuer (its key pair lives in {@code jwt/} of the working directory). */
    public DevTokens devTokens() {
        return new DevTokens(workDirectory.resolve("jwt"));
    }

    /** Deploys the EAR unless this very build is deployed already, then waits until the engine is ready. */
    public void deploy(Path ear) {
        String checksum = sha256(ear);
        Path deployedMarker = workDirectory.resolve("deployed.sha256");
        boolean deployed = payara.isDeployed(APPLICATION);
        boolean current = deployed && Files.exists(deployedMarker) && checksum.equals(readQuietly(deployedMarker));
        if (deployed && !current) {
            // The server loads its deployed applications after start-domain returns; replacing one while it does
            // fails ("name already in use"). Let the old build finish loading first, whether or not it gets ready.
            awaitReadyQuietly(Duration.ofSeconds(120));
        }
        if (!current) {
            if (deployed) {
                // A new build never goes over the loaded one: redeployed over a build the server had loaded at its
                // start, the application came up without its bearer-token authentication (every call 401, the
                // container falling back to its file realm), and over a half-loaded build redeploying fails ("already
                // has a web module loaded at /"). Take the old build away, restart clean, and deploy.
                try {
                    payara.undeploy(APPLICATION);
                } catch (LauncherException undeployFailed) {
                    LOG.warning(() -> "Undeploying the previous build failed: " + undeployFailed.getMessage());
                }
                payara.restart();
            }
            payara.deploy(ear, APPLICATION);
            try {
                Files.writeString(deployedMarker, checksum);
            } catch (IOException e) {
                throw new LauncherException("Cannot record the deployment in " + deployedMarker, e);
            }
        } else {
            LOG.info("This build is deployed already");
        }
        PayaraServer.awaitHttp(readinessUrl(), Duration.ofSeconds(180), true);
    }

    private java.net.URI readinessUrl() {
        return java.net.URI.create(httpUrl() + "/health/ready");
    }

    private void awaitReadyQuietly(Duration timeout) {
        try {
            PayaraServer.awaitHttp(readinessUrl(), timeout, true);
        } catch (LauncherException e) {
            LOG.info(() -> "The deployed build did not get ready (" + e.getMessage() + "); redeploying");
        }
    }

    /** Stops the embedded PostgreSQL if it runs and deletes its data: the next start begins empty. For tests. */
    public void discardEmbeddedData() {
        if (configuredDatabase().isPresent()) {
            throw new LauncherException("Refusing to discard data: a database is configured (KIBLY_DB_URL)");
        }
        EmbeddedPostgres postgres = embeddedPostgres();
        postgres.stop();
        postgres.discardData();
    }

    /** Undeploys the engine if a previous run left it deployed (waiting for it to finish loading first). */
    public void undeployLeftover() {
        if (payara.isDeployed(APPLICATION)) {
            awaitReadyQuietly(Duration.ofSeconds(120));
            payara.undeploy(APPLICATION);
        }
    }

    /** The provider sandbox of this environment (Payara Micro, port base + 90). */
    public ProviderSandbox sandbox() {
        return new ProviderSandbox(workDirectory.resolve("sandbox"), distribution.payaraMicroJar(), portBase + 90);
    }

    public void stopServers() {
        sandbox().stop();
        if (payara.domainExists() && payara.isRunning()) {
            payara.stop();
        }
        if (configuredDatabase().isEmpty()) {
            embeddedPostgres().stop();
        }
    }

    /** Starts the configured domain again (after a crash), with the engine's settings in its environment. */
    public void startPayara() {
        payara.setServerEnvironment(serverEnvironment());
        payara.start();
    }

    /**
     * Restarts the embedded PostgreSQL (a chaos experiment: the engine must ride it out); false when the database
     * is an external one, which is not this launcher's to restart.
     */
    public boolean restartEmbeddedDatabase() {
        if (configuredDatabase().isPresent()) {
            return false;
        }
        EmbeddedPostgres postgres = embeddedPostgres();
        postgres.stop();
        postgres.start(EMBEDDED_DATABASE, EMBEDDED_USER, EMBEDDED_PASSWORD, EMBEDDED_APP_USER, EMBEDDED_APP_PASSWORD);
        return true;
    }

    /** The corporate broker account of {@code tenant} (created when missing; the broker must run). */
    public BrokerClient brokerClient(String tenant) {
        return brokerSecurity().tenantAccount(tenant);
    }

    /** The address the broker listens on: the loopback unless KIBLY_BROKER_ADDRESS says otherwise. */
    private String brokerAddress() {
        return environment.getOrDefault("KIBLY_BROKER_ADDRESS", "127.0.0.1");
    }

    /** Where remote JMS clients connect (OpenMQ's {@code imqAddressList}); the broker listens on the loopback. */
    public String brokerUrl() {
        return "mq://" + brokerAddress() + ":" + payara.jmsPort();
    }

    public String httpUrl() {
        return "http://localhost:" + payara.httpPort();
    }

    public String adminUrl() {
        return "http://127.0.0.1:" + payara.adminPort();
    }

    private static Path postgresqlDriverJar() {
        try {
            return Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new LauncherException("Cannot locate the PostgreSQL driver jar", e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LauncherException("Cannot read " + file, e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
