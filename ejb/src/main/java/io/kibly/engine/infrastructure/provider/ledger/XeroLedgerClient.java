package io.kibly.engine.infrastructure.provider.ledger;

import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.LedgerGateway.PageRequest;
import io.kibly.engine.application.ProviderRejectedException;
import io.kibly.engine.application.ProviderThrottledException;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.infrastructure.provider.ProviderEndpoints;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Xero's Accounting API: {@code GET /api.xro/2.0/BankTransactions} with {@code xero-tenant-id},
 * {@code If-Modified-Since}, {@code order=UpdatedDateUTC ASC}, {@code page} and {@code pageSize}, answered as JSON.
 * One circuit breaker and one bulkhead for all of Xero: when Xero is down, every tenant's sync waits instead of
 * hammering it; a 429, a refused token or a rejected request says nothing about Xero's health and is skipped.
 */
@ApplicationScoped
public class XeroLedgerClient {

    static final String ENTITY = "BankTransactions";
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    @Inject
    ProviderEndpoints endpoints;

    private final Client http = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS)
            .readTimeout(25, TimeUnit.SECONDS).build();

    @PreDestroy
    void close() {
        http.close();
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 20, delayUnit = ChronoUnit.SECONDS,
            skipOn = {ProviderThrottledException.class, GrantRevokedException.class, ProviderRejectedException.class})
    @Bulkhead(40)
    public LedgerPage bankTransactions(PageRequest request) {
        Invocation.Builder call = http.target(endpoints.xeroApi()).path("api.xro/2.0/BankTransactions")
                .queryParam("page", request.page()).queryParam("pageSize", request.pageSize())
                .queryParam("order", "UpdatedDateUTC ASC")
                .request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + request.accessToken())
                .header("xero-tenant-id", request.providerTenantId());
        if (request.modifiedSince() != null) {
            call.header("If-Modified-Since", SINCE.format(request.modifiedSince()));
        }
        JsonObject envelope = ProviderResponses.jsonOf("Xero", call::get, XeroLedgerClient::errorMessage,
                Duration.ofSeconds(60), XeroBankTransactions.ENVELOPE);
        List<LedgerTransaction> transactions = XeroBankTransactions.fromEnvelope(envelope);
        Instant latest = transactions.stream().map(LedgerTransaction::updatedAt).max(Comparator.naturalOrder())
                .orElse(null);
        JsonObject pagination = envelope.containsKey("pagination") && envelope.get("pagination") instanceof JsonObject p
                ? p : null;
        Long itemCount = pagination != null && pagination.get("itemCount") instanceof jakarta.json.JsonNumber n
                ? n.longValue() : null;
        return new LedgerPage(transactions, List.of(), transactions.size() < request.pageSize(), latest, itemCount);
    }

    /** Xero's error shapes: {@code {ErrorNumber, Type, Message}} or the problem form {@code {Title, Detail}}. */
    private static String errorMessage(JsonObject error) {
        if (error.containsKey("Message")) {
            return error.getString("Type", "") + " " + error.getString("Message", "");
        }
        return error.getString("Title", "") + " " + error.getString("Detail", "");
    }
}
