/**
 * Enrichment over REST: a tenant's categorisation rules ({@code /api/enrichment-rules}), its settings (base
 * currency, review threshold, retraining) and the learned categoriser's state.
 */
package io.kibly.engine.interfaces.enrichment.rest;
