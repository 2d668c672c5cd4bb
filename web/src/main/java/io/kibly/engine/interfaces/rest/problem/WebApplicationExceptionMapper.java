package io.kibly.engine.interfaces.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method or media type, bad parameter) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return UnexpectedErrorMapper.internalError(exception);
        }
        String message = exception.getMessage();
        String detail = message == null || message.startsWith("HTTP ") ? status.getReasonPhrase() : message;
        Response.ResponseBuilder response = Response.fromResponse(Problem.of(status, detail).toResponse());
        exception.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        if (status.getStatusCode() == 401 && exception.getResponse().getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, io.kibly.engine.interfaces.rest.BearerChallenge.MISSING);
        }
        return response.build();
    }
}
