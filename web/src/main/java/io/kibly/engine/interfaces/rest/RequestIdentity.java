package io.kibly.engine.interfaces.rest;

import io.kibly.engine.application.CallContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tells the application who calls (the token's user) and which request this is ({@value #HEADER}: the caller's,
 * when it is a sane id, else a new one), and echoes the request id on the response.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 1)
public class RequestIdentity implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Inject
    CallContext call;

    @Override
    public void filter(ContainerRequestContext request) {
        String offered = request.getHeaderString(HEADER);
        String requestId = offered != null && SANE_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        Principal user = request.getSecurityContext().getUserPrincipal();
        call.identify(user == null ? null : user.getName(), requestId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (call.requestId() != null) {
            response.getHeaders().putSingle(HEADER, call.requestId());
        }
    }
}
