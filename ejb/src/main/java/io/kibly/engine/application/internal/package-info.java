/** Stateless session beans implementing the application services: the transaction boundaries. */
package io.kibly.engine.application.internal;
