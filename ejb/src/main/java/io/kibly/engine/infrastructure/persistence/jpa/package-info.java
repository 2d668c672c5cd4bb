/** JPA (Hibernate ORM) implementations of the domain repositories. Every query is scoped to a tenant. */
package io.kibly.engine.infrastructure.persistence.jpa;
