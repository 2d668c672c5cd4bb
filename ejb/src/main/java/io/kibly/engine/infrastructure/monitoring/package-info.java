/**
 * The engine's own metrics (MicroProfile Metrics, application scope, Prometheus text at {@code /metrics}):
 * transactions per provider and kind of change, provider calls by outcome, token refreshes, job durations and the
 * depth of each work queue. Counts are taken after commit, so a rolled-back page counts nothing.
 */
package io.kibly.engine.infrastructure.monitoring;
