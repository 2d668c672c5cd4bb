package io.kibly.engine.interfaces.rest;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
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

    private TenantId tenantId;

    public TenantId id() {
        if (tenantId == null) {
            Object claim = token.getClaim(CLAIM);
            String value = claim == null ? null : claim.toString();
            if (!TenantId.isValid(value)) {
                throw new ForbiddenException("The bearer token names no valid tenant (claim '" + CLAIM + "')");
            }
            tenantId = new TenantId(value);
        }
        return tenantId;
    }

    /** Who is calling, for logs and the audit trail: the token's {@code upn} (or subject). */
    public String user() {
        return token.getName();
    }
}
