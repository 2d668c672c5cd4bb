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
import java.lang.reflect.Method;
import org.eclipse.microprofile.jwt.JsonWebToken;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Enforces every resource's declared roles before it runs: no verified bearer token → 401 with
 * {@code WWW-Authenticate: Bearer} ({@link BearerChallenge}); a verified token the engine's own rules refuse
 * ({@link TokenClaims}: not valid yet, issued in the future, no valid tenant, groups not strings) → 401
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

    public static final String CLOCK_SKEW = "kibly.token.clock-skew-seconds";
    public static final long DEFAULT_CLOCK_SKEW_SECONDS = 60;

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
        context.register(new RolesFilter(allowed == null ? null : allowed.value(), clockSkewSeconds()));
    }

    /** The check for one resource method; {@code roles} null: the method declares none and is refused. */
    @Priority(Priorities.AUTHORIZATION)
    static final class RolesFilter implements ContainerRequestFilter {

        private final String[] roles;
        private final long clockSkewSeconds;

        RolesFilter(String[] roles, long clockSkewSeconds) {
            this.roles = roles;
            this.clockSkewSeconds = clockSkewSeconds;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            String refusal = security.getUserPrincipal() instanceof JsonWebToken token
                    ? TokenClaims.refusal(token, Instant.now().getEpochSecond(), clockSkewSeconds)
                    : null;
            if (security.getUserPrincipal() == null) {
                request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                                "A valid bearer token is required").toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE,
                                BearerChallenge.forRequest(request.getHeaderString(HttpHeaders.AUTHORIZATION)))
                        .build());
            } else if (refusal != null) {
                // verified, yet not usable (not valid yet, no valid tenant, odd groups): a token problem (401),
                // not a permission problem (403)
                request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                                BearerChallenge.description(refusal)).toResponse())
                        .header(HttpHeaders.WWW_AUTHENTICATE, refusal)
                        .build());
            } else if (roles == null || Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Problem.of(Response.Status.FORBIDDEN, roles == null
                        ? "This endpoint declares no roles" : "Requires one of the roles " + String.join(", ", roles))
                        .toResponse());
            }
        }
    }

    /** How far a token's {@code nbf} and {@code iat} may lie in the future: clocks differ (MP Config, seconds). */
    static long clockSkewSeconds() {
        return ConfigProvider.getConfig().getOptionalValue(CLOCK_SKEW, Long.class).orElse(DEFAULT_CLOCK_SKEW_SECONDS);
    }
}
