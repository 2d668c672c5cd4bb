package io.kibly.sandbox.quickbooks;

/** No live entity of that type has that Id (never had, or deleted). */
public class UnknownEntityException extends RuntimeException {

    public UnknownEntityException(String entity, String id) {
        super(entity + " " + id + " does not exist or was deleted");
    }
}
