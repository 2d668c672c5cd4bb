package io.kibly.engine.interfaces.rest.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape or types: 400. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return malformed();
    }

    static Response malformed() {
        return Problem.invalid("The request body is not valid JSON of the expected shape", java.util.List.of())
                .toResponse();
    }
}
