/** The JAX-RS application and the resources that play the providers' APIs; each only translates HTTP. */
package io.kibly.sandbox.rest;
