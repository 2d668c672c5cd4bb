package io.kibly.engine.serverconfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The broker's accounts and access control, secure by default:
 * <ul>
 *   <li>OpenMQ's {@code guest} is deactivated and {@code admin} gets a generated password;</li>
 *   <li>the server's own account ({@value #SERVER_USER}, used by the engine's connection factory and MDBs) alone
 *       may use the internal queues and create destinations;</li>
 *   <li>each tenant's corporate account may send to the command queue and consume its own tenant's events topic
 *       ({@code kibly_events_<tenant>}), nothing else: the access control file names every grant, so another
 *       tenant's events are refused by the broker, not filtered by a selector the client chooses;</li>
 *   <li>the broker listens on 127.0.0.1 only.</li>
 * </ul>
 * The passwords are kept in {@code broker/} of the work directory, readable by the launcher's account only.
 */
public final class BrokerSecurity {

    private static final Logger LOG = Logger.getLogger(BrokerSecurity.class.getName());
    public static final String SERVER_USER = "kibly-server";
    static final String TENANT_USER_PREFIX = "kibly-tenant-";
    static final String COMMANDS = "kibly_commands";
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Path directory;
    private final PayaraServer payara;

    BrokerSecurity(Path directory, PayaraServer payara) {
        this.directory = directory;
        this.payara = payara;
    }

    public String adminPassword() {
        return KeptSecret.ensurePassword(directory.resolve("admin.password"));
    }

    public String serverPassword() {
        return KeptSecret.ensurePassword(directory.resolve("server.password"));
    }

    /**
     * The topic a tenant's events are published on. Tenant ids allow '-' which OpenMQ names do not: '_' is
     * written "__" and '-' "_h", so that two tenants never share a topic. The engine's
     * {@code TenantEventTopics} derives the same name.
     */
    public static String eventsTopic(String tenant) {
        return "kibly_events_" + tenant.replace("_", "__").replace("-", "_h");
    }

    /**
     * Secures a broker that still has OpenMQ's defaults (a new domain): the server's account, admin's new
     * password, guest off, the access control file. The broker must be running; the server picks the new
     * credentials up when it restarts.
     */
    void secureNewBroker() {
        payara.startBroker();
        ensureAccounts();
    }

    /** On every start: the server's account and every tenant account exist, and the access control names them. */
    void ensureAccounts() {
        writeUsers();
        writeAccessControl();
    }

    /**
     * The corporate account of {@code tenant}, created (with its events topic) when it does not exist yet. The
     * broker must be running.
     */
    public BrokerClient tenantAccount(String tenant) {
        if (!TENANT.matcher(tenant).matches()) {
            throw new LauncherException("Not a tenant id: " + tenant);
        }
        Path passwordFile = directory.resolve("tenants/" + tenant + ".password");
        boolean created = !KeptSecret.exists(passwordFile);
        String password = tenantPassword(tenant);
        if (created) {
            writeUsers();
            createTopic(eventsTopic(tenant));
            writeAccessControl();
            LOG.info(() -> "Broker account " + TENANT_USER_PREFIX + tenant + " created for tenant " + tenant);
        }
        return new BrokerClient(tenant, TENANT_USER_PREFIX + tenant, password, passwordFile, eventsTopic(tenant));
    }

    private String tenantPassword(String tenant) {
        return KeptSecret.ensurePassword(directory.resolve("tenants/" + tenant + ".password"));
    }

    private void createTopic(String topic) {
        try {
            payara.brokerCommand(adminPassword(), "events topic " + topic, "create", "dst", "-t", "t", "-n", topic);
        } catch (LauncherException e) {
            if (!e.getMessage().contains("already exists")) {
                throw e;
            }
        }
    }

    List<String> tenants() {
        Path tenants = directory.resolve("tenants");
        if (!Files.isDirectory(tenants)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(tenants)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".password"))
                    .map(n -> n.substring(0, n.length() - ".password".length())).sorted().toList();
        } catch (IOException e) {
            throw new LauncherException("Cannot list the broker's tenant accounts in " + tenants, e);
        }
    }

    /**
     * The broker's user repository, written whole: admin, guest (deactivated, with a password nobody knows), the
     * server's account and every tenant account. Written here rather than with {@code imqusermgr}, which takes
     * passwords only on its command line, where any local user could read them. The broker reads the file at
     * each login, so no restart is needed.
     */
    void writeUsers() {
        List<String> lines = new ArrayList<>(List.of(
                userLine("admin", adminPassword(), "admin", true),
                userLine("guest", KeptSecret.newPassword(), "anonymous", false),
                userLine(SERVER_USER, serverPassword(), "user", true)));
        for (String tenant : tenants()) {
            lines.add(userLine(TENANT_USER_PREFIX + tenant, tenantPassword(tenant), "user", true));
        }
        Path file = payara.brokerInstance().resolve("etc/passwd");
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("passwd.partial");
            Files.deleteIfExists(partial);
            Files.createFile(partial, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, String.join("\n", lines) + "\n");
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ServiceUser.handOver(file.getParent());
        } catch (IOException e) {
            throw new LauncherException("Cannot write the broker's user repository " + file, e);
        }
    }

    /**
     * One entry of OpenMQ's file user repository: {@code user:digest:group:active}, the digest being MD5 of
     * {@code user:password} as Java's signed {@code BigInteger} writes it in hex (what imqusermgr stores).
     */
    static String userLine(String user, String password, String group, boolean active) {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return user + ":" + new java.math.BigInteger(md5).toString(16) + ":" + group + ":" + (active ? 1 : 0);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The access control file; the broker reads it at every check, so no restart is needed. */
    void writeAccessControl() {
        Path file = payara.brokerInstance().resolve("etc/accesscontrol.properties");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, accessControl(tenants()));
            ServiceUser.handOver(file.getParent());
        } catch (IOException e) {
            throw new LauncherException("Cannot write the broker's access control file " + file, e);
        }
    }

    /**
     * The rules: a specific destination's rule overrides the wildcard's for the same operation (OpenMQ's access
     * control model), so the wildcards give the server everything and the named grants add the corporate accounts.
     */
    static String accessControl(List<String> tenants) {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by the Kibly launcher (BrokerSecurity) on every start: edits are lost.",
                "version=JMQFileAccessControlModel/100",
                "connection.NORMAL.allow.group=user",
                "connection.ADMIN.allow.group=admin",
                "queue.*.produce.allow.user=" + SERVER_USER,
                "queue.*.consume.allow.user=" + SERVER_USER,
                "queue.*.browse.allow.user=" + SERVER_USER,
                "topic.*.produce.allow.user=" + SERVER_USER,
                "topic.*.consume.allow.user=" + SERVER_USER,
                "queue.create.allow.user=" + SERVER_USER));
        List<String> corporate = tenants.stream().map(t -> TENANT_USER_PREFIX + t).toList();
        // OpenMQ's client asks for the create right whenever it subscribes, even to a topic that exists (C4077
        // otherwise): the corporate accounts have it, and may still consume nothing but their own topic.
        lines.add("topic.create.allow.user=" + String.join(",", java.util.stream.Stream.concat(
                java.util.stream.Stream.of(SERVER_USER), corporate.stream()).toList()));
        if (!corporate.isEmpty()) {
            lines.add("queue." + COMMANDS + ".produce.allow.user=" + SERVER_USER + "," + String.join(",", corporate));
        }
        for (String tenant : tenants) {
            String topic = eventsTopic(tenant);
            lines.add("topic." + topic + ".consume.allow.user=" + TENANT_USER_PREFIX + tenant);
            lines.add("topic." + topic + ".produce.allow.user=" + SERVER_USER);
        }
        return String.join("\n", lines) + "\n";
    }
}
