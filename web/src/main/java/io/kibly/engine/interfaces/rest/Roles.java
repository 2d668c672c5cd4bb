package io.kibly.engine.interfaces.rest;

/**
 * The API's roles, carried as a bearer token's {@code groups}:
 * ADMIN manages integrations, keys and the audit trail; OPERATOR triggers, cancels and retries syncs and
 * manages rules; VIEWER reads. A role does not imply another: tokens list every role the user has.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";
    public static final String VIEWER = "VIEWER";

    private Roles() {
    }
}
