package io.kibly.engine.application;

import java.util.UUID;

/** The tenant has no command key with this id. */
public class UnknownCommandKeyException extends RuntimeException {

    public UnknownCommandKeyException(UUID id) {
        super("The tenant has no command key " + id);
    }
}
