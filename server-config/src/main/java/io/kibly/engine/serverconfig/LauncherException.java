package io.kibly.engine.serverconfig;

/** The environment could not be provisioned, started or stopped; the message says what to do. */
public class LauncherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
