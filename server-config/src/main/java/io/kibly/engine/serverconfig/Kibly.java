package io.kibly.engine.serverconfig;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command line behind {@code ./kibly}: {@code start} brings up PostgreSQL, Payara and the engine and prints
 * where they are; {@code stop} stops them; {@code status} says what runs.
 *
 * <p>Settings (environment): {@code KIBLY_HOME} (working directory, default {@code .kibly}),
 * {@code KIBLY_PORT_BASE} (default 8000: HTTP 8080, admin 8048, JMS 8076, sandbox 8090, embedded PostgreSQL 8432),
 * {@code KIBLY_HEAP} (default 1g) and the database settings of {@link DatabaseSettings}.
 */
public final class Kibly {

    /**
     * The sandbox's Xero organisations when run by {@code ./kibly start}: the two demo companies (100,000
     * transactions each) and a small one (1,000), which the benchmark uses for many quick syncs.
     */
    static final Map<String, String> SANDBOX_ORGANISATIONS = Map.of(
            "sandbox.xero.organisations", "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001:Demo Company (UK),"
                    + "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a002:Demo Company (NZ),"
                    + "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a003:Small Company (AU)",
            "sandbox.xero.transactions.8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a003", "1000");

    private Kibly() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path home = Path.of(env.getOrDefault("KIBLY_HOME", ".kibly"));
        int portBase = Integer.parseInt(env.getOrDefault("KIBLY_PORT_BASE", "8000"));
        KiblyEnvironment environment = new KiblyEnvironment(home, portBase, env.getOrDefault("KIBLY_HEAP", "1g"), env);
        String command = args.length == 0 ? "start" : args[0];
        try {
            switch (command) {
                case "start" -> start(environment, Path.of(args.length > 1 ? args[1] : "ear/target/kibly.ear"),
                        Path.of(args.length > 2 ? args[2] : "sandbox/target/kibly-sandbox.war"));
                case "stop-server" -> {
                    // stops Payara only: the next start gives it new settings (./kibly bench)
                    if (environment.payara().isRunning()) {
                        environment.payara().stop();
                    }
                    System.out.println("Payara stopped.");
                }
                case "stop" -> {
                    environment.stopServers();
                    System.out.println("Kibly stopped.");
                }
                case "broker-account" -> {
                    if (args.length < 2) {
                        throw new LauncherException("usage: kibly broker-account TENANT");
                    }
                    BrokerClient account = environment.brokerClient(args[1]);
                    System.out.println("Broker account of tenant " + args[1] + ": " + account);
                }
                case "status" -> {
                    System.out.println(environment.payara().isRunning()
                            ? "Payara is running: " + environment.httpUrl() : "Payara is not running.");
                    System.out.println(environment.sandbox().isRunning()
                            ? "The provider sandbox is running: " + environment.sandbox().url()
                            : "The provider sandbox is not running.");
                }
                default -> {
                    System.err.println("usage: kibly start [ear] | stop | status");
                    System.exit(2);
                }
            }
        } catch (LauncherException e) {
            System.err.println("kibly " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void start(KiblyEnvironment environment, Path ear, Path sandboxWar) {
        if (!Files.isRegularFile(ear)) {
            throw new LauncherException("No EAR at " + ear + ": build it first (mvn -DskipTests install)");
        }
        long started = System.nanoTime();
        DatabaseSettings database = environment.startServers();
        environment.sandbox().start(sandboxWar, SANDBOX_ORGANISATIONS);
        environment.deploy(ear);
        String http = environment.httpUrl();
        String token = environment.devTokens().mint("demo", "demo-admin", List.of("ADMIN", "OPERATOR", "VIEWER"),
                Duration.ofDays(30));
        System.out.printf("""

                Kibly Integration Engine is up (%.0f s).
                  API              %s/api/integrations
                  Admin console    %s/admin/
                  OpenAPI          %s/openapi
                  Health, metrics  %s/health  %s/metrics
                  Payara admin     %s  user admin, password %s
                  Provider sandbox %s  (Xero and QuickBooks Online; %s/sandbox/admin/stats)
                  Database         %s
                  JMS broker       %s  tenant demo: %s
                                   commands to kibly_commands (docs/jms/); another tenant: ./kibly broker-account T
                  Server log       %s

                A development token for tenant "demo" (roles ADMIN, OPERATOR, VIEWER; valid 30 days):
                  export KIBLY_TOKEN=%s
                  curl -H "Authorization: Bearer $KIBLY_TOKEN" %s/api/integrations

                Stop it with: ./kibly stop
                """, (System.nanoTime() - started) / 1e9, http, http, http, http, http, environment.adminUrl(),
                adminPassword(environment), environment.sandbox().url(), environment.sandbox().url(), database,
                environment.brokerUrl(), environment.brokerClient("demo"), environment.payara().serverLog(), token, http);
    }

    /** The generated administrator password is printed once, when it is made; afterwards where it is kept. */
    private static String adminPassword(KiblyEnvironment environment) {
        return environment.adminPasswordIsNew()
                ? environment.payara().adminPassword() + " (printed once; kept in " + environment.adminPasswordFile() + ")"
                : "in " + environment.adminPasswordFile();
    }
}
