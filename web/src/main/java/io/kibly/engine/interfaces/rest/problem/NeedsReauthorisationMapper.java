package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.NeedsReauthorisationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The integration's grant was refused: 409 until the tenant authorises again (the reason says why). */
@Provider
public class NeedsReauthorisationMapper implements ExceptionMapper<NeedsReauthorisationException> {

    @Override
    public Response toResponse(NeedsReauthorisationException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage()).toResponse();
    }
}
