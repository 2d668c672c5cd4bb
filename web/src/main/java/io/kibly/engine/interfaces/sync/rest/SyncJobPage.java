package io.kibly.engine.interfaces.sync.rest;

import java.util.List;
import java.util.UUID;

/** One page of sync jobs, newest first; pass {@code next} as {@code after} for the following page. */
public record SyncJobPage(List<SyncJobRepresentation> items, UUID next) {
}
