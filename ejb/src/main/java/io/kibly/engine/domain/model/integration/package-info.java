/**
 * The Integration aggregate: one tenant's connection to one accounting provider (Xero or QuickBooks Online),
 * with its lifecycle ({@link io.kibly.engine.domain.model.integration.IntegrationStatus}) and its repository.
 */
package io.kibly.engine.domain.model.integration;
