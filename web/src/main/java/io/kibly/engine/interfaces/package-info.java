/**
 * Entry points of the engine: one package per use case and channel ({@code integration/rest}, ...), plus the
 * shared REST plumbing in {@code rest}. DTOs live only here, immutable; resources hold no business logic.
 */
package io.kibly.engine.interfaces;
