package io.kibly.engine.interfaces.rest.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A query, path or header parameter the API cannot accept: 400 naming it. */
public class InvalidParameterException extends BadRequestException {

    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String parameter, String message) {
        super(message, Problem.invalid("Invalid " + parameter + ": " + message,
                List.of(new Problem.FieldError(parameter, message))).toResponse());
    }
}
