package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.domain.model.connection.InvalidAuthorizationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An authorisation that cannot go on (bad, replayed, expired or foreign state; unregistered redirect): 400. */
@Provider
public class AuthorizationProblemsMapper implements ExceptionMapper<InvalidAuthorizationException> {

    @Override
    public Response toResponse(InvalidAuthorizationException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse();
    }
}
