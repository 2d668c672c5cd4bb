package io.kibly.engine.serverconfig;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine's PostgreSQL is and the two logins the engine uses: the schema <em>owner</em> (migrations, the
 * server's batch repository and timers) and the <em>application</em> role (everything the engine does with tenant
 * data; not an owner, so row-level security and the append-only audit trail hold for it).
 * {@code toString} never shows a password.
 *
 * <p>Configured by {@code KIBLY_DB_URL} ({@code jdbc:postgresql://host:port/database}), {@code KIBLY_DB_USER},
 * {@code KIBLY_DB_PASSWORD} (the owner), {@code KIBLY_DB_APP_USER}, {@code KIBLY_DB_APP_PASSWORD} (the application
 * role; the owner's login when unset) or the system properties {@code kibly.db.url}, ... Without a URL the launcher
 * runs an embedded PostgreSQL.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password,
        String appUser, String appPassword) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database + " (application role " + appUser + ")";
    }

    static Optional<DatabaseSettings> configured(Map<String, String> environment) {
        String url = setting(environment, "KIBLY_DB_URL", "kibly.db.url");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new LauncherException("KIBLY_DB_URL must look like jdbc:postgresql://host:5432/database, was " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "kibly" : uri.getPath().substring(1);
        String user = setting(environment, "KIBLY_DB_USER", "kibly.db.user");
        String password = setting(environment, "KIBLY_DB_PASSWORD", "kibly.db.password");
        String owner = user == null ? "kibly" : user;
        String ownerPassword = password == null ? "" : password;
        String appUser = setting(environment, "KIBLY_DB_APP_USER", "kibly.db.app-user");
        String appPassword = setting(environment, "KIBLY_DB_APP_PASSWORD", "kibly.db.app-password");
        return Optional.of(new DatabaseSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                owner, ownerPassword, appUser == null ? owner : appUser,
                appUser == null ? ownerPassword : appPassword == null ? "" : appPassword));
    }

    private static String setting(Map<String, String> environment, String variable, String property) {
        String value = environment.get(variable);
        return value != null ? value : System.getProperty(property);
    }
}
