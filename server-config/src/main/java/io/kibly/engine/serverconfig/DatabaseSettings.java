package io.kibly.engine.serverconfig;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the engine's PostgreSQL is and how to log in. {@code toString} never shows the password.
 *
 * <p>Configured by {@code KIBLY_DB_URL} ({@code jdbc:postgresql://host:port/database}), {@code KIBLY_DB_USER} and
 * {@code KIBLY_DB_PASSWORD} (or the system properties {@code kibly.db.url}, ...). Without a URL the launcher runs
 * an embedded PostgreSQL.
 */
public record DatabaseSettings(String host, int port, String database, String user, String password) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + database;
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
        return Optional.of(new DatabaseSettings(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                user == null ? "kibly" : user, password == null ? "" : password));
    }

    private static String setting(Map<String, String> environment, String variable, String property) {
        String value = environment.get(variable);
        return value != null ? value : System.getProperty(property);
    }
}
