/**
 * Entry points of the engine: one package per use case and channel ({@code integration/rest}, ...), plus the
 * shared REST plumbing in {@code rest}. DTOs live only here, immutable; resources hold no business logic.
 *
 * <p>Resources are {@code @ApplicationScoped} and hold no per-request state (the request's tenant comes from the
 * request-scoped {@code CurrentTenant}, {@code UriInfo} is a per-request proxy). Request-scoped resources had their
 * EJB references created on every request, and Payara resolves an EJB's class under the application class
 * loader's lock each time: under 50 concurrent callers, requests queued on that lock.
 */
package io.kibly.engine.interfaces;
