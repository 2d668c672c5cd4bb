package io.kibly.sandbox.xero.data;

import java.util.UUID;

public record BankAccount(UUID accountId, String code, String name) {
}
