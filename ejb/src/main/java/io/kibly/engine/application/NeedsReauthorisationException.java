package io.kibly.engine.application;

/** The integration cannot reach its provider until the tenant authorises the engine again. */
public class NeedsReauthorisationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NeedsReauthorisationException(String message) {
        super(message);
    }
}
