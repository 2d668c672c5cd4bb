package io.kibly.engine.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Direct reads of the engine's PostgreSQL, to check what the API claims against what is stored: as the schema
 * owner (sees every tenant), or as the engine's application role (row-level security applies).
 */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kibly.it.jdbcUrl"), System.getProperty("kibly.it.dbUser"),
                System.getProperty("kibly.it.dbPassword"));
    }

    /** A connection as the engine's application role, its transaction bound to the tenant as the engine does. */
    static Connection asApplicationRole(String tenant) throws SQLException {
        Connection connection = DriverManager.getConnection(System.getProperty("kibly.it.jdbcUrl"),
                System.getProperty("kibly.it.appUser"), System.getProperty("kibly.it.appPassword"));
        connection.setAutoCommit(false);
        if (tenant != null) {
            bindTenant(connection, tenant);
        }
        return connection;
    }

    /** Names the tenant for the connection's current transaction, as the engine does. */
    static void bindTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement bind = connection.prepareStatement("select set_config('kibly.tenant_id', ?, true)")) {
            bind.setString(1, tenant);
            bind.executeQuery();
        }
    }

    /** Runs a statement as the owner (a test's fault injection: a trigger, say). */
    static void execute(String sql) {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(String sql, Object... parameters) {
        return Long.parseLong(scalar(sql, parameters));
    }

    /** The first column of the first row, as text (read as the owner). */
    static String scalar(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long auditEntriesOf(String tenant) {
        return count("select count(*) from engine.audit_entry where tenant_id = ?", tenant);
    }

    static long integrationsOf(String tenant) {
        return count("select count(*) from engine.integration where tenant_id = ?", tenant);
    }
}
