/**
 * The historical import: a large FULL sync as the Jakarta Batch job {@code historical-import}. Its one partitioned
 * chunk step reads windows of modification time in parallel (as many at once as the provider allows concurrent
 * calls), a page per chunk; every page is stored through the engine's own upsert path, in the chunk's
 * transaction together with the window's checkpoint. The engine's side is the {@link HistoricalImport} port.
 */
package io.kibly.engine.batch.history;
