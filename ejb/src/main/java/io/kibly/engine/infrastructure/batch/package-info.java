/**
 * The engine's side of Jakarta Batch: the single starter bean through which every job is started and inspected,
 * and the session beans implementing the ports that the batch jobs (in the {@code kibly-batch} library) declare.
 */
package io.kibly.engine.infrastructure.batch;
