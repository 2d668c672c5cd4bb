package io.kibly.engine.interfaces.audit.rest;

import java.util.List;

/** One page of audit entries, newest first; pass {@code next} as {@code before} for the following page. */
public record AuditPage(List<AuditEntryRepresentation> items, Long next) {
}
