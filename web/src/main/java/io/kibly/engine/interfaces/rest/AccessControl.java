package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces every resource's declared roles before it runs: no verified bearer token → 401 with
 * {@code WWW-Authenticate: Bearer}; a token without one of the method's (else the class's) {@code @RolesAllowed}
 * roles → 403. A resource that declares neither {@code @RolesAllowed} nor {@code @PermitAll} is refused: every
 * endpoint must say who may call it.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessControl implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // no resource matched: JAX-RS answers 404/405 itself
        }
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)
                || (type.isAnnotationPresent(PermitAll.class) && !method.isAnnotationPresent(RolesAllowed.class))) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                            "A valid bearer token is required").toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"kibly\"")
                    .build());
        } else if (allowed == null || Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, allowed == null
                    ? "This endpoint declares no roles" : "Requires one of the roles " + String.join(", ",
                    allowed.value())).toResponse());
        }
    }
}
