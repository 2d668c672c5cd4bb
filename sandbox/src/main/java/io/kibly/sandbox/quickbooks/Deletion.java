package io.kibly.sandbox.quickbooks;

import java.time.Instant;

/** An entity deleted through the admin API: CDC reports it as {@code {"status":"Deleted","Id":...}}. */
public record Deletion(String id, Instant deletedAt) {
}
