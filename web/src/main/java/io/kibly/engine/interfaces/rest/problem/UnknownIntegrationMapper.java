package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An integration the tenant does not have: 404 (whether or not another tenant has it). */
@Provider
public class UnknownIntegrationMapper implements ExceptionMapper<UnknownIntegrationException> {

    @Override
    public Response toResponse(UnknownIntegrationException exception) {
        return Problem.of(Response.Status.NOT_FOUND, "No integration " + exception.integrationId()).toResponse();
    }
}
