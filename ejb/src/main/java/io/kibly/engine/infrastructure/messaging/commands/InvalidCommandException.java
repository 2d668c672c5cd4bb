package io.kibly.engine.infrastructure.messaging.commands;

/** A command that cannot be read: not JSON, an unknown type, a missing or invalid field. */
public class InvalidCommandException extends RuntimeException {

    public InvalidCommandException(String message) {
        super(message);
    }
}
