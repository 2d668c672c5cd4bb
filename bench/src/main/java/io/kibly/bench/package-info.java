/**
 * The benchmark harness ({@code ./kibly bench}): end-to-end import throughput next to the PostgreSQL COPY ceiling,
 * trigger latency under concurrency, read-side latency at a million rows, and the server's memory peaks, written
 * as a markdown and a JSON report.
 */
package io.kibly.bench;
