/**
 * Jakarta Batch jobs of the engine. This jar lives in the EAR's {@code lib/} (job XML under
 * {@code META-INF/batch-jobs}), so it cannot see the EJB module: each job declares the ports it needs
 * and the EJB module implements them, found through {@link io.kibly.engine.batch.BatchPorts}.
 * Jobs are started, stopped and inspected only through the EJB module's single batch starter.
 */
package io.kibly.engine.batch;
