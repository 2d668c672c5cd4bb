/**
 * Brings the database schema to the version this build expects (Flyway, {@code db/migration}) when the
 * application starts, then has Hibernate validate its mapping against it. The deployment fails if either fails.
 */
package io.kibly.engine.infrastructure.persistence.migration;
