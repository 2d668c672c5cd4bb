package io.kibly.engine.interfaces.integration.rest;

import java.util.List;
import java.util.UUID;

/**
 * One page of integrations; {@code next} is the cursor to pass as {@code after} for the following page, absent
 * on the last page.
 */
public record IntegrationPage(List<IntegrationRepresentation> items, UUID next) {
}
