package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.ProviderUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The provider could not be reached or failed: 502, worth retrying later. */
@Provider
public class ProviderUnavailableMapper implements ExceptionMapper<ProviderUnavailableException> {

    @Override
    public Response toResponse(ProviderUnavailableException exception) {
        return Problem.of(Response.Status.BAD_GATEWAY, exception.getMessage()).toResponse();
    }
}
