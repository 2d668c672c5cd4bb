package io.kibly.engine.interfaces.transaction.rest;

import io.kibly.engine.application.LedgerQueries;
import io.kibly.engine.application.LedgerQueries.TransactionFilter;
import io.kibly.engine.application.LedgerQueries.TransactionView;
import io.kibly.engine.interfaces.rest.CurrentTenant;
import io.kibly.engine.interfaces.rest.QueryParameters;
import io.kibly.engine.interfaces.rest.Roles;
import io.kibly.engine.interfaces.rest.problem.InvalidParameterException;
import io.kibly.engine.interfaces.rest.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("transactions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions", description = "The transactions imported from the providers")
public class TransactionResource {

    @Inject
    LedgerQueries ledger;

    @Inject
    CurrentTenant tenant;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List transactions", description = "Newest transaction date first; filters combine;"
            + " pass the page's `next` as `after`.")
    @APIResponse(responseCode = "200", description = "A page",
            content = @Content(schema = @Schema(implementation = TransactionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TransactionPage list(@QueryParam("integrationId") String integrationId, @QueryParam("status") String status,
            @QueryParam("currency") String currency, @QueryParam("type") String type,
            @QueryParam("dateFrom") String dateFrom, @QueryParam("dateTo") String dateTo,
            @QueryParam("limit") String limitParameter, @QueryParam("after") String after) {
        int limit = QueryParameters.intInRange("limit", limitParameter, 100, 1, 1000);
        List<TransactionView> items = ledger.transactions(tenant.id(),
                filter(integrationId, status, currency, type, dateFrom, dateTo),
                QueryParameters.longCursor("after", after), limit);
        return new TransactionPage(items, items.size() == limit ? items.get(items.size() - 1).id() : null);
    }

    @GET
    @Path("summary")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Summarise transactions", description = "Counts and signed sums (money in positive, money"
            + " out negative) per currency, per month and currency, per type and per status; never summed across"
            + " currencies.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = LedgerQueries.Summary.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LedgerQueries.Summary summary(@QueryParam("integrationId") String integrationId,
            @QueryParam("status") String status, @QueryParam("currency") String currency,
            @QueryParam("type") String type, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo) {
        return ledger.summary(tenant.id(), filter(integrationId, status, currency, type, dateFrom, dateTo));
    }

    @GET
    @Path("summary/base-currency")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Summarise in the base currency", description = """
            Signed totals converted by enrichment into the tenant's base currency, from each transaction's provider
            rate. Never silently incomplete: `rateMissing` counts rows the provider gave no rate for (left out of the
            total, never converted at 1.0) and `notEnrichedYet` rows enrichment has not reached yet.""")
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LedgerQueries.BaseCurrencyTotal> baseCurrencySummary(@QueryParam("integrationId") String integrationId,
            @QueryParam("status") String status, @QueryParam("currency") String currency,
            @QueryParam("type") String type, @QueryParam("dateFrom") String dateFrom,
            @QueryParam("dateTo") String dateTo) {
        return ledger.baseCurrencyTotals(tenant.id(), filter(integrationId, status, currency, type, dateFrom, dateTo));
    }

    private static TransactionFilter filter(String integrationId, String status, String currency, String type,
            String dateFrom, String dateTo) {
        String statusValue = QueryParameters.text("status", status, 10);
        if (statusValue != null && !statusValue.matches("ACTIVE|DELETED|VOIDED")) {
            throw new InvalidParameterException("status", "must be one of: ACTIVE, DELETED, VOIDED");
        }
        String currencyValue = QueryParameters.text("currency", currency, 3);
        if (currencyValue != null && !currencyValue.matches("[A-Z]{3}")) {
            throw new InvalidParameterException("currency", "must be an ISO 4217 code such as GBP");
        }
        return new TransactionFilter(QueryParameters.cursor("integrationId", integrationId), statusValue,
                currencyValue, QueryParameters.text("type", type, 40), QueryParameters.date("dateFrom", dateFrom),
                QueryParameters.date("dateTo", dateTo));
    }
}
