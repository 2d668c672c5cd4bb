package io.kibly.engine.serverconfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tables the server itself needs before the engine is deployed. Payara starts its EJB timer service while it
 * deploys the first application with timers, before that application's migrations run, so the timer table must
 * exist already on a fresh database. (The engine's migration V4 creates the same table with {@code IF NOT EXISTS}
 * for databases prepared without this launcher.)
 */
final class ServerTables {

    /** Payara's EJB timer table, as its {@code lib/install/databases/ejbtimer_postgresql.sql} ships it. */
    private static final String TIMER_TABLE = """
            CREATE TABLE IF NOT EXISTS public."EJB__TIMER__TBL" (
                "CREATIONTIMERAW" bigint NOT NULL, "BLOB" bytea, "TIMERID" varchar(255) NOT NULL,
                "CONTAINERID" bigint NOT NULL, "OWNERID" varchar(255), "STATE" integer NOT NULL,
                "PKHASHCODE" integer NOT NULL, "INTERVALDURATION" bigint NOT NULL,
                "INITIALEXPIRATIONRAW" bigint NOT NULL, "LASTEXPIRATIONRAW" bigint NOT NULL,
                "SCHEDULE" varchar(255), "APPLICATIONID" bigint NOT NULL,
                CONSTRAINT "EJB__TIMER__TBL_pkey" PRIMARY KEY ("TIMERID"))""";

    private ServerTables() {
    }

    /** Creates the timer table as the database owner and lets the application role use it (idempotent). */
    static void ensure(DatabaseSettings database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute(TIMER_TABLE);
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public.\"EJB__TIMER__TBL\" TO \""
                    + database.appUser().replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new LauncherException("Cannot create the EJB timer table in " + database + ": " + e.getMessage(), e);
        }
    }
}
