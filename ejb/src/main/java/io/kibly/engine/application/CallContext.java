package io.kibly.engine.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who and what the current call is, for the audit trail and the logs: set by the entry point (the REST layer
 * from the bearer token and {@code X-Request-Id}; a worker names itself). Defaults to the system.
 */
@RequestScoped
public class CallContext {

    public static final String SYSTEM = "system";

    private String actor = SYSTEM;
    private String requestId;

    public void identify(String actor, String requestId) {
        this.actor = actor == null || actor.isBlank() ? SYSTEM : actor;
        this.requestId = requestId;
    }

    public String actor() {
        return actor;
    }

    public String requestId() {
        return requestId;
    }
}
