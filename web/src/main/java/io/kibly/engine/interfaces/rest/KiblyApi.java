package io.kibly.engine.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The engine's REST API, used by the enterprise portal and the admin console. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Kibly Integration Engine API", version = "0.1",
        description = "Connect accounting providers and keep their transactions flowing into Kibly. "
                + "Errors are RFC 9457 problem details (application/problem+json)."))
public class KiblyApi extends Application {
}
