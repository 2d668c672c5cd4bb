/** What the plain endpoint classes answer (status, headers, JSON body); {@code rest} turns it into JAX-RS. */
package io.kibly.sandbox.http;
