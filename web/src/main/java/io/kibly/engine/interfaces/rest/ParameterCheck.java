package io.kibly.engine.interfaces.rest;

import io.kibly.engine.application.InputRules;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Every query and path parameter of every request is text PostgreSQL can store ({@link InputRules#storable}),
 * checked once here for all resources: else 400 naming the parameter. ({@code %00} decodes to U+0000, which a
 * filter compared in SQL turned into a 500.) Runs after authentication: a caller without a token learns nothing.
 * Typed parameters (numbers, cursors, dates) are then parsed by {@link QueryParameters}.
 */
@Provider
@Priority(Priorities.USER)
public class ParameterCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request.getUriInfo().getQueryParameters(true));
            check(request.getUriInfo().getPathParameters(true));
        } catch (IllegalArgumentException e) {
            // a malformed percent-encoding (%zz): Jersey cannot decode it
            throw new InvalidParameterException("query", "is not validly percent-encoded");
        }
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!InputRules.storable(parameter.getKey())) {
                throw new InvalidParameterException("query", "a parameter name " + InputRules.UNSTORABLE_TEXT);
            }
            for (String value : parameter.getValue()) {
                if (!InputRules.storable(value)) {
                    throw new InvalidParameterException(parameter.getKey(), InputRules.UNSTORABLE_TEXT);
                }
            }
        }
    }
}
