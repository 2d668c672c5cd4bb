package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.ConcurrentUpdateException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Someone else changed the target first (optimistic locking): 409, re-read and retry. */
@Provider
public class ConcurrentUpdateMapper implements ExceptionMapper<ConcurrentUpdateException> {

    @Override
    public Response toResponse(ConcurrentUpdateException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage()).toResponse();
    }
}
