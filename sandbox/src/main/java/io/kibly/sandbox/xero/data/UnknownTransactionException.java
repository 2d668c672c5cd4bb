package io.kibly.sandbox.xero.data;

import java.util.UUID;

public class UnknownTransactionException extends RuntimeException {

    public UnknownTransactionException(UUID id) {
        super("no bank transaction " + id);
    }
}
