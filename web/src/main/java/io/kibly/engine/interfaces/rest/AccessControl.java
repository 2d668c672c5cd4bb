package io.kibly.engine.interfaces.rest;

import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import io.kibly.engine.domain.model.tenant.TenantId;
import java.lang.reflect.Method;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.util.Arrays;

/**
 * Enforces every resource's declared roles before it runs: no verified bearer token → 401 with
 * {@code WWW-Authenticate: Bearer} ({@link BearerChallenge}); a verified token naming no valid tenant → 401
 * ({@code invalid_token}); a token without one of the method's (else the class's) {@code @RolesAllowed} roles →
 * 403. A resource that declares neither {@code @RolesAllowed} nor {@code @PermitAll} is refused: every endpoint
 * must say who may call it.
 *
 * <p>A {@link DynamicFeature}: the roles are read once per resource method when the application starts, and
 * each method gets its own filter holding them. (A global filter reading an injected {@code ResourceInfo} found
 * it null after a server restart loaded the application, answering every call 500.)
 */
@Provider
public class AccessControl implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method.isAnnotationPresent(PermitAll.class)
                || (type.isAnnotationPresent(PermitAll.class) && !method.isAnnotationPresent(RolesAllowed.class))) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class) : type.getAnnotation(RolesAllowed.class);
        context.register(new RolesFilter(allowed == null ? null : allowed.value()));
    }

    /** The check for one resource method; {@code roles} null: the method declares none and is refused. */
    @Priority(Priorities.AUTHORIZATION)
    static final class RolesFilter implements ContainerRequestFilter {

        private final String[] roles;

        RolesFilter(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                                "A valid bearer token is required").toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE,
                                BearerChallenge.forRequest(request.getHeaderString(HttpHeaders.AUTHORIZATION)))
                        .build());
            } else if (security.getUserPrincipal() instanceof JsonWebToken token && !hasTenant(token)) {
                // verified, yet it acts for nobody: a token problem (401), not a permission problem (403)
                request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                                "The bearer token names no valid tenant (claim '" + CurrentTenant.CLAIM + "')")
                                .toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.NO_TENANT)
                        .build());
            } else if (roles == null || Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of(Response.Status.FORBIDDEN, roles == null
                        ? "This endpoint declares no roles" : "Requires one of the roles " + String.join(", ", roles))
                        .toResponse());
            }
        }
    }

    static boolean hasTenant(JsonWebToken token) {
        Object claim = token.getClaim(CurrentTenant.CLAIM);
        return claim != null && TenantId.isValid(claim.toString());
    }
}
