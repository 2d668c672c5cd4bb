package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.UnknownCommandKeyException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class UnknownCommandKeyMapper implements ExceptionMapper<UnknownCommandKeyException> {

    @Override
    public Response toResponse(UnknownCommandKeyException exception) {
        return Problem.of(Response.Status.NOT_FOUND, "The tenant has no such command key").toResponse();
    }
}
