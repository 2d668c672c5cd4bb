package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.ConcurrentUpdateException;
import io.kibly.engine.domain.model.integration.UnknownIntegrationException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything no other mapper claims. Exceptions that arrive wrapped (by the EJB container or the JSON reader)
 * are unwrapped and answered as what they are; anything else is a 500 whose body says only a reference that
 * the log carries with the stack trace.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violations) {
                return new ConstraintViolationMapper().toResponse(violations);
            }
            if (cause instanceof UnknownIntegrationException unknown) {
                return new UnknownIntegrationMapper().toResponse(unknown);
            }
            if (cause instanceof io.kibly.engine.domain.model.connection.InvalidAuthorizationException invalid) {
                return new AuthorizationProblemsMapper().toResponse(invalid);
            }
            if (cause instanceof io.kibly.engine.application.ProviderUnavailableException unavailable) {
                return new ProviderUnavailableMapper().toResponse(unavailable);
            }
            if (cause instanceof io.kibly.engine.application.NeedsReauthorisationException reauthorise) {
                return new NeedsReauthorisationMapper().toResponse(reauthorise);
            }
            if (cause instanceof ConcurrentUpdateException conflict) {
                return new ConcurrentUpdateMapper().toResponse(conflict);
            }
            if (cause instanceof jakarta.persistence.OptimisticLockException) {
                return Problem.of(Response.Status.CONFLICT, "Changed by someone else; read it again and retry")
                        .toResponse();
            }
            if (cause instanceof jakarta.ws.rs.WebApplicationException web) {
                return new WebApplicationExceptionMapper().toResponse(web);
            }
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return MalformedJsonMapper.malformed();
            }
            if (!(cause instanceof EJBException || cause instanceof ProcessingException
                    || cause instanceof jakarta.transaction.RollbackException
                    || cause instanceof jakarta.ejb.EJBTransactionRolledbackException)) {
                break;
            }
        }
        return internalError(exception);
    }

    static Response internalError(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error, reference " + reference, exception);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; reference " + reference).toResponse();
    }
}
