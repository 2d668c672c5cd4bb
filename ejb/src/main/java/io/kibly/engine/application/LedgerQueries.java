package io.kibly.engine.application;

import io.kibly.engine.domain.model.tenant.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Read side of the imported transactions and the sync history (one tenant at a time). */
public interface LedgerQueries {

    /** Newest transaction date first; {@code after} is the previous page's {@code next}. */
    List<TransactionView> transactions(TenantId tenantId, TransactionFilter filter, Long after, int limit);

    /** Counts and signed sums (money in positive) by currency, by month and currency, by type, by status. */
    Summary summary(TenantId tenantId, TransactionFilter filter);

    /**
     * Signed totals converted into the tenant's base currency (by enrichment), with how many rows had no rate
     * and how many are not enriched yet, so a total is never silently incomplete.
     */
    List<BaseCurrencyTotal> baseCurrencyTotals(TenantId tenantId, TransactionFilter filter);

    /** Jobs by status, success rate, durations and imports per day and per integration. */
    SyncStatistics syncStatistics(TenantId tenantId, Instant since);

    /** Null fields match everything. */
    record TransactionFilter(UUID integrationId, String status, String currency, String type, LocalDate dateFrom,
            LocalDate dateTo) {
    }

    record TransactionView(long id, UUID integrationId, String providerId, String type, String direction,
            String status, LocalDate date, BigDecimal total, String currency, BigDecimal currencyRate,
            String description, String reference, String contactName, String accountName, boolean reconciled,
            Instant providerUpdatedAt, Instant importedAt, Enrichment enrichment) {
    }

    /**
     * What enrichment added (null fields: not enriched yet). {@code enrichedBy} is RULE (with {@code ruleId}),
     * MODEL (with {@code modelVersion} and {@code confidence}) or NONE; {@code baseAmount} is signed like the
     * summaries and null when {@code rateMissing}.
     */
    record Enrichment(String category, String accountCode, List<String> tags, String enrichedBy, Long ruleId,
            Long modelVersion, BigDecimal confidence, Boolean needsReview, String baseCurrency, BigDecimal baseAmount,
            Boolean rateMissing, String providerAccountCode, Instant enrichedAt, String error) {
    }

    /** One base currency's total: rows converted, their signed sum, rows without a rate, rows not yet enriched. */
    record BaseCurrencyTotal(String baseCurrency, long converted, BigDecimal total, long rateMissing,
            long notEnrichedYet) {
    }

    record Summary(long count, List<Group> byCurrency, List<Group> byMonth, List<Group> byType,
            List<Group> byStatus) {
    }

    /** One group: its key (currency; month and currency; type and currency; status), count and signed total. */
    record Group(String key, String currency, long count, BigDecimal total) {
    }

    record SyncStatistics(Instant since, List<Count> byStatus, Double successRate, Double durationP50Seconds,
            Double durationP95Seconds, List<Count> importedPerDay, List<IntegrationFigures> perIntegration) {
    }

    record Count(String key, long count) {
    }

    record IntegrationFigures(UUID integrationId, long jobs, long completed, long failed, long imported) {
    }
}
