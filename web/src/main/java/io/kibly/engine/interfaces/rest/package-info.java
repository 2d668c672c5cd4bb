/** The JAX-RS application (under {@code /api}) and what every resource shares: the caller's tenant. */
package io.kibly.engine.interfaces.rest;
