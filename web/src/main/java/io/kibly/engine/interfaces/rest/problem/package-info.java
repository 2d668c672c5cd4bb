/**
 * Every error the API answers is an RFC 9457 problem ({@code application/problem+json}): the mappers here turn
 * exceptions into problems. Bad input is a 4xx naming the field; a 500 never carries internal details.
 */
package io.kibly.engine.interfaces.rest.problem;
