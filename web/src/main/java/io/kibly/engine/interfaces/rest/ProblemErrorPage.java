package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * The container's own error answers (an invalid token rejected before JAX-RS, an unknown path outside
 * {@code /api}, an error in a filter) as problem details too, instead of Payara's HTML pages (web.xml maps them).
 */
@WebServlet("/problem")
public class ProblemErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : response.getStatus();
        if (status == 501) {
            // The container's default servlet "does not implement" e.g. PATCH on a path no resource serves: for the
            // caller that is a method not allowed there, not a server fault.
            status = 405;
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status) : Response.Status.INTERNAL_SERVER_ERROR;
        String detail = switch (status) {
            case 401 -> "A valid bearer token is required";
            case 403 -> "The caller's roles do not allow this";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            default -> statusType.getReasonPhrase();
        };
        response.setStatus(statusType.getStatusCode());
        if (status == 401) {
            // Payara's JWT check refuses a bad token before JAX-RS; its challenge would be the bare scheme
            response.setHeader("WWW-Authenticate", BearerChallenge.forRequest(request.getHeader("Authorization")));
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSONB.toJson(Problem.of(statusType, detail)));
    }
}
