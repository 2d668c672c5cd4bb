package io.kibly.engine.interfaces.rest;

import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;

/**
 * The tenant the current request acts for.
 *
 * <p>Interim: taken from the {@value #HEADER} header (default {@value #DEFAULT_TENANT}) until bearer tokens carry
 * it (the security issue replaces this one class; no resource reads the header itself).
 */
@RequestScoped
public class CurrentTenant {

    public static final String HEADER = "X-Kibly-Tenant";
    public static final String DEFAULT_TENANT = "demo";

    @Inject
    HttpServletRequest request;

    private TenantId tenantId;

    public TenantId id() {
        if (tenantId == null) {
            String header = request.getHeader(HEADER);
            String value = header == null ? DEFAULT_TENANT : header;
            if (!TenantId.isValid(value)) {
                throw new InvalidParameterException(HEADER, "must be 1-64 letters, digits, '-' or '_'");
            }
            tenantId = new TenantId(value);
        }
        return tenantId;
    }
}
