/**
 * Application services: the use cases the interfaces (REST, JMS, batch) call. Each is an interface here and a
 * {@code @Stateless} implementation in {@code internal}, which is the transaction boundary. Ports to
 * infrastructure the use cases need (queues, batch runtime) are declared here too.
 */
package io.kibly.engine.application;
