package io.kibly.engine.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The engine's REST API, used by the enterprise portal and the admin console. Every call carries a
 * MicroProfile JWT bearer token naming the tenant, the user and the user's roles ({@link Roles}).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT", realmName = "kibly")
@DeclareRoles({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
@OpenAPIDefinition(info = @Info(title = "Kibly Integration Engine API", version = "0.1",
        description = "Connect accounting providers and keep their transactions flowing into Kibly. "
                + "Every call needs a bearer token (MicroProfile JWT) carrying the claims `tenant`, `upn` and "
                + "`groups` (ADMIN, OPERATOR, VIEWER). Errors are RFC 9457 problem details "
                + "(application/problem+json)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class KiblyApi extends Application {
}
