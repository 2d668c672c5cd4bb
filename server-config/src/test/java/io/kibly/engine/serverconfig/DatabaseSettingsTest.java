package io.kibly.engine.serverconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void aConfiguredUrlNamesHostPortAndDatabase() {
        DatabaseSettings settings = DatabaseSettings.configured(Map.of("KIBLY_DB_URL",
                "jdbc:postgresql://db.internal:6543/books", "KIBLY_DB_USER", "engine", "KIBLY_DB_PASSWORD", "s3cr:t=x"))
                .orElseThrow();

        assertEquals(new DatabaseSettings("db.internal", 6543, "books", "engine", "s3cr:t=x", "engine", "s3cr:t=x"),
                settings);
        assertEquals("jdbc:postgresql://db.internal:6543/books", settings.jdbcUrl());
    }

    @Test
    void thePortDefaultsTo5432AndThePasswordIsNeverShown() {
        DatabaseSettings settings = DatabaseSettings.configured(Map.of("KIBLY_DB_URL", "jdbc:postgresql://db/kibly",
                "KIBLY_DB_PASSWORD", "hunter2")).orElseThrow();

        assertEquals(5432, settings.port());
        assertFalse(settings.toString().contains("hunter2"), settings.toString());
    }

    @Test
    void theApplicationRoleHasItsOwnLoginWhenConfigured() {
        DatabaseSettings settings = DatabaseSettings.configured(Map.of("KIBLY_DB_URL", "jdbc:postgresql://db/kibly",
                "KIBLY_DB_USER", "owner", "KIBLY_DB_PASSWORD", "a", "KIBLY_DB_APP_USER", "app",
                "KIBLY_DB_APP_PASSWORD", "b")).orElseThrow();

        assertEquals("owner", settings.user());
        assertEquals("app", settings.appUser());
        assertEquals("b", settings.appPassword());
    }

    @Test
    void noUrlMeansTheEmbeddedDatabase() {
        assertTrue(DatabaseSettings.configured(Map.of()).isEmpty());
    }

    @Test
    void aUrlOfAnotherDatabaseIsRefused() {
        assertThrows(LauncherException.class,
                () -> DatabaseSettings.configured(Map.of("KIBLY_DB_URL", "jdbc:mysql://db/kibly")));
    }
}
