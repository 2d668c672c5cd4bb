package io.kibly.engine.interfaces.rest.problem;

import io.kibly.engine.application.IdempotencyKeyReusedException;
import io.kibly.engine.application.IdempotentRequestInFlightException;
import io.kibly.engine.application.IntegrationNotReadyException;
import io.kibly.engine.domain.model.sync.SyncJobStateException;
import io.kibly.engine.domain.model.sync.UnknownSyncJobException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The sync API's problems: each exception's message is written for the caller and becomes the detail. */
public final class SyncProblemMappers {

    private SyncProblemMappers() {
    }

    /** A job the tenant does not have: 404 (whether or not another tenant has it). */
    @Provider
    public static class UnknownSyncJob implements ExceptionMapper<UnknownSyncJobException> {
        @Override
        public Response toResponse(UnknownSyncJobException exception) {
            return Problem.of(Status.NOT_FOUND, "No such sync job").toResponse();
        }
    }

    /** Cancelling a finished job, retrying a running one: 409. */
    @Provider
    public static class JobState implements ExceptionMapper<SyncJobStateException> {
        @Override
        public Response toResponse(SyncJobStateException exception) {
            return Problem.of(Status.CONFLICT, exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class NotReady implements ExceptionMapper<IntegrationNotReadyException> {
        @Override
        public Response toResponse(IntegrationNotReadyException exception) {
            return Problem.of(Status.CONFLICT, exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class KeyReused implements ExceptionMapper<IdempotencyKeyReusedException> {
        @Override
        public Response toResponse(IdempotencyKeyReusedException exception) {
            return new Problem("about:blank", "Unprocessable Content", 422, exception.getMessage(),
                    java.util.List.of()).toResponse();
        }
    }

    @Provider
    public static class InFlight implements ExceptionMapper<IdempotentRequestInFlightException> {
        @Override
        public Response toResponse(IdempotentRequestInFlightException exception) {
            return Problem.of(Status.CONFLICT, exception.getMessage()).toResponse();
        }
    }
}
