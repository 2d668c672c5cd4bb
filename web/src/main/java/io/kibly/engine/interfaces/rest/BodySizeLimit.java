package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No request body above {@value #MAX_BYTES} bytes is read: a declared larger length is refused at once, and an
 * undeclared (chunked) body is cut off where it passes the limit. Either way 413, before any work is done.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter {

    public static final int MAX_BYTES = 64 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }

    private static Response tooLarge() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + MAX_BYTES + " bytes").toResponse();
    }

    private static final class LimitedStream extends FilterInputStream {

        private long read;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                throw new WebApplicationException(tooLarge());
            }
        }
    }
}
