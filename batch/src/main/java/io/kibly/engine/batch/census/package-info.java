/**
 * The {@code integration-census} job: counts a tenant's integrations by status. It is the walking
 * skeleton's proof that a job started through the starter EJB runs to COMPLETED, reading domain data
 * through a port ({@link io.kibly.engine.batch.census.IntegrationStatusSource}).
 */
package io.kibly.engine.batch.census;
