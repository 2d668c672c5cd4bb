package io.kibly.engine.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the engine's PostgreSQL, to check what the API claims against what is stored. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kibly.it.jdbcUrl"), System.getProperty("kibly.it.dbUser"),
                System.getProperty("kibly.it.dbPassword"));
    }

    static long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long integrationsOf(String tenant) {
        return count("select count(*) from engine.integration where tenant_id = ?", tenant);
    }
}
