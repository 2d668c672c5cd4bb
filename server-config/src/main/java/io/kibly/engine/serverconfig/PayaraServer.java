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
 *
 * <p>Secure by default: the domain's administrator ({@value #ADMIN_USER}) has a generated password that every
 * asadmin call passes in a password file, and the server, asadmin and the broker tools run as the
 * {@link ServiceUser} (never as root). Whatever the server reads (EAR, JDBC driver, keys) is staged inside the
 * installation, which that account owns.
 */
public final class PayaraServer {

    private static final Logger LOG = Logger.getLogger(PayaraServer.class.getName());
    static final String DOMAIN = "kibly";
    private static final String CONFIGURED_MARKER = "kibly-configured";

    static final String ADMIN_USER = "admin";

    private final Path installation;
    private final int portBase;
    private final String adminPassword;
    private Map<String, String> serverEnvironment = Map.of();

    /**
     * @param installation  where Payara is unpacked (owned by the service account)
     * @param adminPassword the domain administrator's password (set when the domain is created)
     */
    public PayaraServer(Path installation, int portBase, String adminPassword) {
        this.installation = installation.toAbsolutePath();
        this.portBase = portBase;
        this.adminPassword = adminPassword;
    }

    /** The domain administrator's password, for clients of the admin port (Arquillian, the tests). */
    public String adminPassword() {
        return adminPassword;
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

    Path domainDirectory() {
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
        ServiceUser.handOver(installation);
    }

    /**
     * A copy of {@code file} inside the installation, readable by the service account (which may not reach the
     * original: a build under {@code /root}, the Maven repository): what the server or asadmin must read.
     */
    public Path stage(Path file) {
        try {
            Path staged = Files.createDirectories(installation.resolve("staging")).resolve(file.getFileName());
            Files.copy(file, staged, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ServiceUser.handOver(staged.getParent());
            return staged;
        } catch (IOException e) {
            throw new LauncherException("Cannot stage " + file + " for the server: " + e.getMessage(), e);
        }
    }

    public boolean domainExists() {
        return Files.exists(domainDirectory().resolve("config/domain.xml"));
    }

    public void createDomain() {
        LOG.info(() -> "Creating domain " + DOMAIN + " with port base " + portBase);
        asadminLocal("create-domain", "--portbase", String.valueOf(portBase), DOMAIN);
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
            Path file = privateFile("script.asadmin", commands.toString());
            try {
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
     * A file only the service account can read, inside the installation (the password files asadmin and imqcmd
     * read, a script carrying settings); the caller deletes it.
     */
    Path privateFile(String name, String content) {
        try {
            Path directory = Files.createDirectories(installation.resolve("home/private"));
            Path file = Files.createTempFile(directory, "kibly-", "-" + name,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
            ServiceUser.handOver(directory);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an OpenMQ tool of the installation ({@code imqcmd}, {@code imqusermgr}) as the service account. */
    Processes.Result runBrokerTool(String tool, List<String> arguments, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(home().resolve("mq/bin/" + tool).toString()));
        command.addAll(arguments);
        return Processes.run(ServiceUser.wrap(command), installation, environment(), timeoutSeconds);
    }

    /** The embedded broker's instance directory (its configuration, user repository and access control file). */
    Path brokerInstance() {
        return domainDirectory().resolve("imq/instances/imqbroker");
    }

    /**
     * Bounds redelivery of messages whose transaction was rolled back other than by an exception (a timeout,
     * setRollbackOnly): without it OpenMQ redelivers those forever. Written into the embedded broker's instance
     * configuration, read when the broker starts.
     */
    public void limitBrokerRollbacks(int maxConsecutiveRollbacks) {
        setBrokerProperty("imq.transaction.message.maxConsecutiveRollbacks", String.valueOf(maxConsecutiveRollbacks));
    }

    /**
     * A property of the embedded broker's instance configuration (read when the broker starts), unless the file
     * sets it already.
     */
    void setBrokerProperty(String name, String value) {
        Path config = brokerInstance().resolve("props/config.properties");
        try {
            String current = Files.exists(config) ? Files.readString(config) : "";
            if (!current.contains(name + "=")) {
                Files.createDirectories(config.getParent());
                Files.writeString(config, current + (current.endsWith("\n") || current.isEmpty() ? "" : "\n")
                        + name + "=" + value + "\n");
                ServiceUser.handOver(brokerInstance().getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the broker's dead message queue keep every message (OpenMQ's default keeps 1,000 and drops the
     * oldest): with imqcmd against the running broker, as asadmin has no command for it.
     */
    public void keepDeadLetters(String brokerAdminPassword) {
        startBroker();
        brokerCommand(brokerAdminPassword, "dead message queue", "update", "dst", "-t", "q", "-n", "mq.sys.dmq",
                "-o", "maxNumMsgs=-1", "-o", "limitBehavior=REJECT_NEWEST");
    }

    /** The embedded broker starts lazily: a ping starts it. */
    void startBroker() {
        Processes.run(asadmin("--port", String.valueOf(adminPort()), "jms-ping"), installation, environment(), 120);
    }

    /** An {@code imqcmd} command against the running broker, as its administrator. */
    void brokerCommand(String brokerAdminPassword, String what, String... arguments) {
        Path passwords = privateFile("imq.pass", "imq.imqcmd.password=" + brokerAdminPassword + "\n");
        try {
            List<String> command = new ArrayList<>(List.of(arguments));
            command.addAll(List.of("-b", "127.0.0.1:" + jmsPort(), "-u", "admin", "-passfile", passwords.toString(), "-f"));
            Processes.Result result = runBrokerTool("imqcmd", command, 120);
            if (!result.ok()) {
                throw new LauncherException("imqcmd could not configure the " + what + ":\n"
                        + Processes.redact(List.of(result.output())));
            }
        } finally {
            try {
                Files.deleteIfExists(passwords);
            } catch (IOException e) {
                LOG.warning(() -> "Cannot delete " + passwords + ": " + e.getMessage());
            }
        }
    }

    public boolean isRunning() {
        return Processes.run(asadmin("list-domains"), installation, environment(), 60).output()
                .contains(DOMAIN + " running");
    }

    public void start() {
        LOG.info(() -> "Starting domain " + DOMAIN + " (admin port " + adminPort() + ", HTTP port " + httpPort() + ")");
        ensureTemporaryDirectory();
        asadminLocal("start-domain", DOMAIN);
        // start-domain returns before the server is serving; deploying now races with its startup loader.
        awaitHttp(URI.create("http://127.0.0.1:" + httpPort() + "/"), Duration.ofSeconds(120), false);
    }

    /** The server's {@code java.io.tmpdir} (configure-domain.asadmin): it must exist before the server starts. */
    private void ensureTemporaryDirectory() {
        try {
            Path tmp = Files.createDirectories(domainDirectory().resolve("tmp"));
            ServiceUser.handOver(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                stage(archive).toString()), installation, environment(), 600);
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

    /** An asadmin command line, as the service account, authenticated as the domain's administrator. */
    private List<String> asadmin(String... arguments) {
        List<String> command = new ArrayList<>(List.of(home().resolve("bin/asadmin").toString(), "--interactive=false",
                "--user", ADMIN_USER, "--passwordfile", adminPasswordFile().toString()));
        command.addAll(List.of(arguments));
        return ServiceUser.wrap(command);
    }

    /** asadmin's password file (its own format), kept in the installation for the service account only. */
    private Path adminPasswordFile() {
        Path file = installation.resolve("home/admin.passwordfile");
        String content = "AS_ADMIN_PASSWORD=" + adminPassword + "\n";
        try {
            if (!Files.exists(file) || !Files.readString(file).equals(content)) {
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, content);
                ServiceUser.handOver(file.getParent());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        // asadmin keeps its client state (known hosts, trust store) in HOME: the service account's, not root's
        environment.put("HOME", installation.resolve("home").toString());
        return environment;
    }
}
