/** Wires the plain classes together once per application, for the REST resources to use. */
package io.kibly.sandbox.runtime;
