package io.kibly.engine.infrastructure.provider.ledger;

import io.kibly.engine.application.GrantRevokedException;
import io.kibly.engine.application.LedgerGateway.LedgerPage;
import io.kibly.engine.application.LedgerGateway.PageRequest;
import io.kibly.engine.application.ProviderRejectedException;
import io.kibly.engine.application.ProviderThrottledException;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.ProviderDeletion;
import io.kibly.engine.infrastructure.provider.ProviderEndpoints;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * QuickBooks Online's accounting API: the query endpoint for Purchase and Deposit ordered by
 * {@code Metadata.LastUpdatedTime}, and change data capture ({@code /cdc}) for deletions, which queries never
 * return. CDC looks back 30 days at most: an older cursor skips it (a full sync then reconciles deletions).
 */
@ApplicationScoped
public class QuickBooksLedgerClient {

    /** The pseudo-entity of change data capture: deletions (and changes) since the cursor. */
    static final String CHANGE_FEED = "ChangeDataCapture";
    static final List<String> ENTITIES = List.of("Purchase", "Deposit");
    private static final Duration CDC_REACH = Duration.ofDays(30).minusHours(1);

    @Inject
    ProviderEndpoints endpoints;

    @Inject
    Clock clock;

    /** The currency of a company that does not use multi-currency (its entities carry no CurrencyRef). */
    @Inject
    @ConfigProperty(name = "kibly.quickbooks.home-currency", defaultValue = "USD")
    String homeCurrency;

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
    public LedgerPage fetch(PageRequest request) {
        if (CHANGE_FEED.equals(request.entity())) {
            return deletions(request);
        }
        if (!ENTITIES.contains(request.entity())) {
            throw new IllegalArgumentException("QuickBooks entity " + request.entity() + " is not read by the engine");
        }
        StringBuilder query = new StringBuilder("SELECT * FROM ").append(request.entity());
        if (request.modifiedSince() != null) {
            query.append(" WHERE Metadata.LastUpdatedTime > '").append(request.modifiedSince()).append('\'');
        }
        query.append(" ORDERBY Metadata.LastUpdatedTime STARTPOSITION ")
                .append((long) (request.page() - 1) * request.pageSize() + 1)
                .append(" MAXRESULTS ").append(request.pageSize());
        JsonObject response = get(request, http.target(endpoints.quickbooksApi())
                .path("v3/company/{realm}/query").resolveTemplate("realm", request.providerTenantId())
                .queryParam("query", query).queryParam("minorversion", 75));
        List<LedgerTransaction> transactions = QuickBooksEntities.fromQueryResponse(response, request.entity(),
                homeCurrency);
        return new LedgerPage(transactions, List.of(), transactions.size() < request.pageSize(),
                latest(transactions.stream().map(LedgerTransaction::updatedAt)));
    }

    private LedgerPage deletions(PageRequest request) {
        if (request.modifiedSince() == null || request.modifiedSince().isBefore(clock.instant().minus(CDC_REACH))) {
            return new LedgerPage(List.of(), List.of(), true, null);
        }
        JsonObject response = get(request, http.target(endpoints.quickbooksApi())
                .path("v3/company/{realm}/cdc").resolveTemplate("realm", request.providerTenantId())
                .queryParam("entities", String.join(",", ENTITIES))
                .queryParam("changedSince", request.modifiedSince().toString()).queryParam("minorversion", 75));
        QuickBooksEntities.CdcChanges changes = QuickBooksEntities.fromCdcResponse(response, homeCurrency);
        // only the deletions: the queries already brought the live changes, and CDC caps its answer at 1,000
        List<ProviderDeletion> deleted = changes.deleted();
        return new LedgerPage(List.of(), deleted, changes.changed().size() + deleted.size() < 1000,
                // the cursor moves past everything the answer reported, or a capped answer would come back unchanged
                latest(Stream.concat(deleted.stream().map(ProviderDeletion::updatedAt),
                        changes.changed().stream().map(LedgerTransaction::updatedAt))));
    }

    private JsonObject get(PageRequest request, jakarta.ws.rs.client.WebTarget target) {
        return ProviderResponses.jsonOf("QuickBooks", () -> target.request(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + request.accessToken()).get(),
                QuickBooksLedgerClient::errorMessage, Duration.ofSeconds(10));
    }

    private static Instant latest(Stream<Instant> times) {
        return times.max(Instant::compareTo).orElse(null);
    }

    /** Intuit's Fault body, in either casing: {@code {"Fault":{"Error":[{"Message","Detail","code"}]}}}. */
    private static String errorMessage(JsonObject body) {
        JsonValue fault = body.containsKey("Fault") ? body.get("Fault") : body.get("fault");
        if (fault == null || fault.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonObject faultObject = fault.asJsonObject();
        JsonValue errors = faultObject.containsKey("Error") ? faultObject.get("Error") : faultObject.get("error");
        if (errors == null || errors.getValueType() != JsonValue.ValueType.ARRAY || errors.asJsonArray().isEmpty()) {
            return faultObject.getString("type", null);
        }
        JsonObject first = errors.asJsonArray().getJsonObject(0);
        return first.getString("Message", first.getString("message", "")) + " (" + first.getString("code", "") + ")";
    }
}
