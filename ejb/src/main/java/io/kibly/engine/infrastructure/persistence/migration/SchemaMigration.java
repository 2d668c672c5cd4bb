package io.kibly.engine.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;

/**
 * Migrates the schema on start, before anything else uses it, then validates the JPA mapping against the
 * migrated schema (Hibernate's {@code hbm2ddl} is off: the schema is Flyway's alone).
 */
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Flyway commits on its own connections
public class SchemaMigration {

    /**
     * The engine's own schema, where Flyway keeps its history. The server's EJB timer table stays in
     * {@code public} (Payara creates it there).
     */
    static final String SCHEMA = "engine";

    /**
     * The Jakarta Batch job repository's schema (server-config points the batch runtime at it). Its tables are created
     * by migration V2, as Payara ships them.
     */
    static final String BATCH_REPOSITORY_SCHEMA = "jbatch";

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /** Migrations run as the schema owner. */
    @Resource(lookup = "jdbc/kibly-owner")
    DataSource ownerDataSource;

    /** The engine runs as the application role; migrations grant it exactly what it needs. */
    @Resource(lookup = "jdbc/kibly")
    DataSource applicationDataSource;

    @PersistenceUnit(unitName = "kibly")
    EntityManagerFactory entityManagerFactory;

    @PostConstruct
    // Lifecycle callbacks take the attribute from the method, not the class: without it this would run in a
    // transaction holding two non-XA connections (owner and application role), which the server refuses.
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrateAndValidate() {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(ownerDataSource)
                .placeholders(Map.of("appRole", applicationRole()))
                .schemas(SCHEMA, BATCH_REPOSITORY_SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info("JPA mapping validated against the schema");
    }

    private String applicationRole() {
        try (Connection connection = applicationDataSource.getConnection()) {
            return connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect as the application role (jdbc/kibly)", e);
        }
    }
}
