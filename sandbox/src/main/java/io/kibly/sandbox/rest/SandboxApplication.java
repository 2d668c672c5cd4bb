package io.kibly.sandbox.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** At the root, so paths are the providers' own ({@code /api.xro/2.0/...}) under the WAR's context root. */
@ApplicationPath("/")
public class SandboxApplication extends Application {
}
