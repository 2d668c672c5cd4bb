package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * No request body above {@value #MAX_BYTES} bytes is read: a declared larger length is refused at once, and an
 * undeclared (chunked) body is cut off where it passes the limit. Either way 413, before any work is done.
 *
 * <p>The cut-off happens inside whichever reader is consuming the body (JSON-B, JSON-P, byte[]), and the readers
 * wrap what they meet: JSON-B's turned it into a malformed-JSON 400. So the request remembers that its body was
 * cut off, and the answer becomes the 413 whatever the reader made of it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BodySizeLimit implements ContainerRequestFilter, ContainerResponseFilter {

    public static final int MAX_BYTES = 64 * 1024;

    private static final String CUT_OFF = BodySizeLimit.class.getName() + ".cut-off";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream(), request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(CUT_OFF) != null && response.getStatus() != 413) {
            Problem problem = problem();
            response.setStatus(413);
            response.getHeaders().remove("Content-Length");
            response.setEntity(problem, new java.lang.annotation.Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private static Problem problem() {
        return Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "The request body is larger than " + MAX_BYTES + " bytes");
    }

    private static Response tooLarge() {
        return problem().toResponse();
    }

    private static final class LimitedStream extends FilterInputStream {

        private final ContainerRequestContext request;
        private long read;

        LimitedStream(InputStream in, ContainerRequestContext request) {
            super(in);
            this.request = request;
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
                request.setProperty(CUT_OFF, Boolean.TRUE);
                throw new WebApplicationException(tooLarge());
            }
        }
    }
}
