package io.kibly.engine.interfaces.rest;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The tenant the current request acts for: always the {@value #CLAIM} claim of the caller's verified bearer
 * token, never anything the request says about itself.
 */
@RequestScoped
public class CurrentTenant {

    public static final String CLAIM = "tenant";

    @Inject
    JsonWebToken token;

    @Inject
    HttpServletRequest request;

    private TenantId tenantId;

    public TenantId id() {
        if (tenantId == null) {
            // the claim as the token has it: a number or boolean is no tenant (getClaim's toString made 123 "123")
            String value = TokenClaims.tenant(token());
            if (value == null) {
                // 401, not 403: without a tenant the token authenticates nobody the engine knows (RFC 6750
                // invalid_token); no role would make it usable
                throw new NotAuthorizedException("The bearer token names no valid tenant (claim '" + CLAIM + "')",
                        Response.status(Response.Status.UNAUTHORIZED)
                                .header(HttpHeaders.WWW_AUTHENTICATE, BearerChallenge.NO_TENANT).build());
            }
            tenantId = new TenantId(value);
        }
        return tenantId;
    }

    /** Who is calling, for logs and the audit trail: the token's {@code upn} (or subject). */
    public String user() {
        return token().getName();
    }

    /**
     * The verified token. Payara hands it to the request as its principal; reading it there avoids the injected
     * token's lookup, which asks Soteria for the caller and makes it try (and fail) to load other servers' classes
     * under the web application's class-loader lock on every request.
     */
    private JsonWebToken token() {
        return request.getUserPrincipal() instanceof JsonWebToken verified ? verified : token;
    }
}
