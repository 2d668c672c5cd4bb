package io.kibly.engine.application;

/** Someone else changed the target since the caller read it (optimistic locking): the caller should re-read. */
public class ConcurrentUpdateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String targetType, String targetId) {
        super("The " + targetType + " " + targetId + " was changed by someone else; read it again and retry");
    }
}
