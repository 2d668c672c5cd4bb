/** The tenant: the business whose books an integration connects. Every aggregate belongs to exactly one. */
package io.kibly.engine.domain.model.tenant;
