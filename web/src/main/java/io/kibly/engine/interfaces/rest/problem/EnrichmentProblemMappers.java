package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.UnknownEnrichmentRuleException;
import io.kibly.engine.domain.model.enrichment.InvalidRuleException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** Enrichment's problems as problem+json. */
public final class EnrichmentProblemMappers {

    private EnrichmentProblemMappers() {
    }

    @Provider
    public static class UnknownRule implements ExceptionMapper<UnknownEnrichmentRuleException> {
        @Override
        public Response toResponse(UnknownEnrichmentRuleException exception) {
            return Problem.of(Response.Status.NOT_FOUND, "The tenant has no such enrichment rule").toResponse();
        }
    }

    @Provider
    public static class InvalidRule implements ExceptionMapper<InvalidRuleException> {
        @Override
        public Response toResponse(InvalidRuleException exception) {
            return Problem.invalid("Invalid rule: " + exception.getMessage(),
                    List.of(new Problem.FieldError("rule", exception.getMessage()))).toResponse();
        }
    }
}
