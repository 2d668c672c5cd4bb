package io.kibly.engine.interfaces.rest.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body read as a JSON-P value ({@code JsonObject}) that is not JSON, or not an object: 400, like JSON-B's. */
@Provider
public class MalformedJsonValueMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException exception) {
        return MalformedJsonMapper.malformed();
    }
}
