package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Payara Server Full installation and the engine's domain in it, driven through {@code asadmin}.
 * Ports come from a port base, as {@code create-domain --portbase} assigns them (admin +48, HTTP +80, JMS +76).
 */
public final class PayaraServer {

    private static final Logger LOG = Logger.getLogger(PayaraServer.class.getName());
    static final String DOMAIN = "kibly";
    private static final String CONFIGURED_MARKER = "kibly-configured";

    private final Path installation;
    private final int portBase;
    private Map<String, String> serverEnvironment = Map.of();

    public PayaraServer(Path installation, int portBase) {
        this.installation = installation.toAbsolutePath();
        this.portBase = portBase;
    }

    public int adminPort() {
        return portBase + 48;
    }

    public int httpPort() {
        return portBase + 80;
    }

    public int jmsPort() {
        return portBase + 76;
    }

    /** The Payara home ({@code payara6}), as Arquillian's {@code payaraHome} wants it. */
    public Path home() {
        return installation.resolve("payara6");
    }

    private Path domainDirectory() {
        return home().resolve("glassfish/domains/" + DOMAIN);
    }

    public Path serverLog() {
        return domainDirectory().resolve("logs/server.log");
    }

    /** Unzips the distribution when this installation does not have it yet. */
    public void install(Path distributionZip) {
        if (Files.exists(home().resolve("bin/asadmin"))) {
            return;
        }
        LOG.info(() -> "Installing Payara Server from " + distributionZip + " into " + installation);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(distributionZip))) {
            Files.createDirectories(installation);
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path path = installation.resolve(entry.getName()).normalize();
                if (!path.startsWith(installation)) {
                    throw new IOException("Archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                Files.copy(zip, path);
                // Zip entries lose their mode here: scripts in bin/ must be executable.
                if (path.getParent().getFileName().toString().equals("bin")) {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        } catch (IOException e) {
            throw new LauncherException("Cannot install Payara from " + distributionZip + ": " + e.getMessage(), e);
        }
    }

    public boolean domainExists() {
        return Files.exists(domainDirectory().resolve("config/domain.xml"));
    }

    public void createDomain() {
        LOG.info(() -> "Creating domain " + DOMAIN + " with port base " + portBase);
        asadminLocal("create-domain", "--nopassword=true", "--portbase", String.valueOf(portBase), DOMAIN);
    }

    /** Whether the domain was configured with exactly this configuration (see {@link #markConfigured}). */
    public boolean isConfiguredAs(String configuration) {
        Path marker = domainDirectory().resolve("config/" + CONFIGURED_MARKER);
        try {
            return Files.exists(marker) && Files.readString(marker).equals(configuration);
        } catch (IOException e) {
            return false;
        }
    }

    /** A checksum of a script in {@code src/main/asadmin}, to tell when a domain's configuration is stale. */
    public String scriptChecksum(String script) {
        try (InputStream in = PayaraServer.class.getResourceAsStream("asadmin/" + script)) {
            if (in == null) {
                throw new LauncherException("No asadmin script " + script);
            }
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(in.readAllBytes()));
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new LauncherException("Cannot read asadmin script " + script, e);
        }
    }

    public void deleteDomain() {
        if (isRunning()) {
            stop();
        }
        asadminLocal("delete-domain", DOMAIN);
    }

    /**
     * Runs a script from {@code src/main/asadmin} against the running domain, filling in its {@code ${name}}
     * placeholders.
     */
    public void runScript(String script, Map<String, String> values) {
        String text;
        try (InputStream in = PayaraServer.class.getResourceAsStream("asadmin/" + script)) {
            if (in == null) {
                throw new LauncherException("No asadmin script " + script);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder commands = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                commands.append(fill(trimmed, values)).append('\n');
            }
        }
        try {
            Path file = Files.createTempFile("kibly-", ".asadmin");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(file, commands);
                Processes.Result result = Processes.run(asadmin("--port", String.valueOf(adminPort()), "multimode",
                        "--file", file.toString()), installation, environment(), 600);
                // multimode goes on after a failed command and may still exit 0: read what it said
                if (!result.ok() || result.output().contains(" failed.")) {
                    throw new LauncherException("asadmin script " + script + " failed:\n"
                            + Processes.redact(List.of(result.output())));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String line, Map<String, String> values) {
        Matcher matcher = java.util.regex.Pattern.compile("\\$\\{(\\w+)}").matcher(line);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new LauncherException("No value for ${" + matcher.group(1) + "} in an asadmin script");
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(checked(matcher.group(1), value)));
        }
        return matcher.appendTail(filled).toString();
    }

    /** asadmin's multimode splits a line on blanks and reads quotes and backslashes: such values cannot pass. */
    static String checked(String name, String value) {
        if (value.matches(".*[\\s\"'\\\\].*")) {
            throw new LauncherException("The setting " + name + " must have no blanks, quotes or backslashes");
        }
        return value;
    }

    public void markConfigured(String configuration) {
        try {
            Files.writeString(domainDirectory().resolve("config/" + CONFIGURED_MARKER), configuration);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Bounds redelivery of messages whose transaction was rolled back other than by an exception (a timeout,
     * setRollbackOnly): without it OpenMQ redelivers those forever. Written into the embedded broker's instance
     * configuration, read when the broker starts.
     */
    public void limitBrokerRollbacks(int maxConsecutiveRollbacks) {
        Path config = domainDirectory().resolve("imq/instances/imqbroker/props/config.properties");
        try {
            String current = Files.exists(config) ? Files.readString(config) : "";
            if (!current.contains("imq.transaction.message.maxConsecutiveRollbacks")) {
                Files.createDirectories(config.getParent());
                Files.writeString(config, current + (current.endsWith("\n") || current.isEmpty() ? "" : "\n")
                        + "imq.transaction.message.maxConsecutiveRollbacks=" + maxConsecutiveRollbacks + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the broker's dead message queue keep every message (OpenMQ's default keeps 1,000 and drops the
     * oldest): with imqcmd against the running broker, as asadmin has no command for it.
     */
    public void keepDeadLetters() {
        try {
            // the embedded broker starts lazily: a ping starts it
            Processes.run(asadmin("--port", String.valueOf(adminPort()), "jms-ping"), installation, environment(), 120);
            Path passwords = Files.createTempFile("kibly-imq-", ".pass");
            try {
                Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(passwords, "imq.imqcmd.password=admin\n");
                Processes.Result result = Processes.run(List.of(home().resolve("mq/bin/imqcmd").toString(), "update",
                        "dst", "-t", "q", "-n", "mq.sys.dmq", "-o", "maxNumMsgs=-1", "-o", "limitBehavior=REJECT_NEWEST",
                        "-b", "localhost:" + jmsPort(), "-u", "admin", "-passfile", passwords.toString(), "-f"),
                        installation, environment(), 120);
                if (!result.ok()) {
                    throw new LauncherException("imqcmd could not configure the dead message queue:\n"
                            + Processes.redact(List.of(result.output())));
                }
            } finally {
                Files.deleteIfExists(passwords);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates (or updates the password of) the broker account remote clients use, in the embedded broker's user
     * repository; the broker reads it at each login, so no restart is needed. The password goes to imqusermgr
     * on its command line, which is never printed ({@link Processes#redact}).
     */
    void ensureBrokerUser(String user, String password) {
        String imqusermgr = home().resolve("mq/bin/imqusermgr").toString();
        String varhome = domainDirectory().resolve("imq").toString();
        Processes.Result updated = Processes.run(List.of(imqusermgr, "update", "-u", user, "-p", password, "-a", "true",
                "-f", "-s", "-varhome", varhome), installation, environment(), 60);
        if (!updated.ok()) {
            Processes.Result added = Processes.run(List.of(imqusermgr, "add", "-u", user, "-p", password, "-g", "user",
                    "-s", "-varhome", varhome), installation, environment(), 60);
            if (!added.ok()) {
                throw new LauncherException("imqusermgr could not create the broker user " + user + ": "
                        + added.output().replace(password, "*****"));
            }
        }
    }

    public boolean isRunning() {
        return Processes.run(asadmin("list-domains"), installation, environment(), 60).output()
                .contains(DOMAIN + " running");
    }

    public void start() {
        LOG.info(() -> "Starting domain " + DOMAIN + " (admin port " + adminPort() + ", HTTP port " + httpPort() + ")");
        asadminLocal("start-domain", DOMAIN);
        // start-domain returns before the server is serving; deploying now races with its startup loader.
        awaitHttp(URI.create("http://127.0.0.1:" + httpPort() + "/"), Duration.ofSeconds(120), false);
    }

    /**
     * Kills the server as a crash would ({@code kill -9}: no shutdown hooks, no clean broker or pool shutdown),
     * for chaos tests; {@link #start()} brings it back.
     */
    public void kill() {
        ProcessHandle.of(pid()).ifPresent(process -> {
            process.destroyForcibly();
            process.onExit().join();
        });
    }

    /** The running server's process id (from the domain's pid file). */
    public long pid() {
        Path pidFile = domainDirectory().resolve("config/pid");
        try {
            return Long.parseLong(java.nio.file.Files.readString(pidFile).strip());
        } catch (java.io.IOException | NumberFormatException e) {
            throw new LauncherException("Cannot read the server's pid from " + pidFile, e);
        }
    }

    public void restart() {
        stop();
        start();
    }

    public void stop() {
        if (domainExists()) {
            asadminLocal("stop-domain", DOMAIN);
        }
    }

    public boolean isDeployed(String application) {
        return Processes.run(asadmin("--port", String.valueOf(adminPort()), "list-applications"), installation,
                environment(), 60).output().contains(application + " ");
    }

    public void deploy(Path archive, String name) {
        LOG.info(() -> "Deploying " + archive.getFileName() + " as " + name);
        Processes.runOrFail(asadmin("--port", String.valueOf(adminPort()), "deploy", "--force=true", "--name", name,
                archive.toAbsolutePath().toString()), installation, environment(), 600);
    }

    public void undeploy(String name) {
        Processes.runOrFail(asadmin("--port", String.valueOf(adminPort()), "undeploy", name), installation,
                environment(), 300);
    }

    /** Waits until {@code url} answers (any status, or only 200 when {@code requireOk}). */
    public static void awaitHttp(URI url, Duration timeout, boolean requireOk) {
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(5000);
                lastStatus = connection.getResponseCode();
                connection.disconnect();
                if (!requireOk || lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("Interrupted while waiting for " + url, e);
            }
        }
        throw new LauncherException("No " + (requireOk ? "200 " : "answer ") + "from " + url + " within " + timeout
                + " (last status " + lastStatus + ")");
    }

    private void asadminLocal(String... arguments) {
        Processes.runOrFail(asadmin(arguments), installation, environment(), 600);
    }

    private List<String> asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(home().resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Settings the server reads from its environment (MicroProfile Config maps {@code KIBLY_VAULT_KEYS} to
     * {@code kibly.vault.keys}): secrets go this way, so that they are never written into domain.xml.
     */
    public void setServerEnvironment(Map<String, String> settings) {
        this.serverEnvironment = Map.copyOf(settings);
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new java.util.HashMap<>(serverEnvironment);
        environment.put("AS_JAVA", System.getProperty("java.home"));
        return environment;
    }
}
