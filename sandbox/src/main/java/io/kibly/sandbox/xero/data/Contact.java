package io.kibly.sandbox.xero.data;

import java.util.UUID;

public record Contact(UUID contactId, String name) {
}
