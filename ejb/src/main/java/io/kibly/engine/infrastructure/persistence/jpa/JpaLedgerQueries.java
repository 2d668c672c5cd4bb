package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.application.LedgerQueries;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Native SQL over the ledger and the job history: aggregates are computed by PostgreSQL in one statement each,
 * scoped to the tenant in the query and by row-level security.
 */
@Stateless
@TenantScoped
public class JpaLedgerQueries implements LedgerQueries {

    private static final String SIGNED = "case when direction = 'IN' then total else -total end";

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public List<TransactionView> transactions(TenantId tenantId, TransactionFilter filter, Long after, int limit) {
        Where where = where(tenantId, filter);
        if (after != null) {
            where.and("(txn_date, id) < (select c.txn_date, c.id from engine.ledger_transaction c"
                    + " where c.tenant_id = ? and c.id = ?)", tenantId.id(), after);
        }
        Query query = where.bind(em.createNativeQuery("select id, integration_id, provider_id, txn_type, direction,"
                + " status, txn_date, total, currency, currency_rate, description, reference, contact_name,"
                + " account_name, reconciled, provider_updated_at, imported_at, category, account_code,"
                + " array_to_string(tags, E'\\x1f'),"
                + " enriched_by, enrichment_rule_id, model_version, confidence, needs_review, base_currency,"
                + " case when direction = 'IN' then base_amount else -base_amount end, rate_missing,"
                + " provider_account_code, enriched_at, enrichment_error from engine.ledger_transaction"
                + where.sql() + " order by txn_date desc, id desc limit " + limit));
        List<TransactionView> views = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            views.add(new TransactionView(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], date(r[6]), (BigDecimal) r[7], (String) r[8], (BigDecimal) r[9],
                    (String) r[10], (String) r[11], (String) r[12], (String) r[13], (Boolean) r[14], instant(r[15]),
                    instant(r[16]), new Enrichment((String) r[17], (String) r[18], tags(r[19]), (String) r[20],
                    r[21] == null ? null : ((Number) r[21]).longValue(), r[22] == null ? null : ((Number) r[22]).longValue(),
                    (BigDecimal) r[23], (Boolean) r[24], (String) r[25], (BigDecimal) r[26], (Boolean) r[27],
                    (String) r[28], instant(r[29]), (String) r[30])));
        }
        return views;
    }

    @Override
    public Summary summary(TenantId tenantId, TransactionFilter filter) {
        if (!servedByRollup(filter)) {
            Where where = where(tenantId, filter, "txn_date");
            long count = ((Number) where.bind(em.createNativeQuery("select count(*) from engine.ledger_transaction"
                    + where.sql())).getSingleResult()).longValue();
            return new Summary(count, groups(where, LEDGER, "currency"), groups(where, LEDGER, "to_char(txn_date, 'YYYY-MM')"),
                    groups(where, LEDGER, "txn_type"), groups(where, LEDGER, "status"));
        }
        if (filter.status() == null && filter.type() == null && filter.dateFrom() == null && filter.dateTo() == null) {
            return narrowRollupSummary(tenantId, filter);
        }
        // whole months: the rollup answers without touching the ledger, all four groupings in one scan
        Where where = where(tenantId, filter, "month");
        Map<String, List<Group>> grouped = groupings(where, ROLLUP_GROUPINGS);
        return new Summary(total(grouped), grouped.getOrDefault("currency", List.of()),
                grouped.getOrDefault("month", List.of()), grouped.getOrDefault("type", List.of()),
                grouped.getOrDefault("status", List.of()));
    }

    /** No date, type or status filter: the narrow rollups by month and by type and status answer (V19). */
    private Summary narrowRollupSummary(TenantId tenantId, TransactionFilter filter) {
        Where where = where(tenantId, filter, "month");
        Map<String, List<Group>> grouped = groupings(where, KIND_GROUPINGS);
        return new Summary(total(grouped), grouped.getOrDefault("currency", List.of()),
                groups(where, MONTHS, "to_char(month, 'YYYY-MM')"),
                grouped.getOrDefault("type", List.of()), grouped.getOrDefault("status", List.of()));
    }

    /** The groups of a grouping-sets query (rows: grouping, key, currency, count, total) by grouping. */
    private Map<String, List<Group>> groupings(Where where, String template) {
        Map<String, List<Group>> grouped = new HashMap<>();
        for (Object row : where.bind(em.createNativeQuery(template.formatted(where.sql()))).getResultList()) {
            Object[] r = (Object[]) row;
            grouped.computeIfAbsent((String) r[0], dimension -> new ArrayList<>()).add(new Group((String) r[1],
                    (String) r[2], ((Number) r[3]).longValue(), (BigDecimal) r[4]));
        }
        return grouped;
    }

    /** Every transaction is in exactly one currency group. */
    private static long total(Map<String, List<Group>> grouped) {
        return grouped.getOrDefault("currency", List.of()).stream().mapToLong(Group::count).sum();
    }

    private static final String MONTHS = "select %s as k, currency as c, sum(transactions), sum(signed_total)"
            + " from engine.ledger_rollup_month%s group by 1, 2 having sum(transactions) <> 0 order by 1, 2";

    private static final String KIND_GROUPINGS = """
            select case when grouping(txn_type) = 0 then 'type' when grouping(status) = 0 then 'status'
                        else 'currency' end as dimension,
                   coalesce(txn_type, status, currency) as k, currency as c, sum(transactions), sum(signed_total)
            from engine.ledger_rollup_kind%s
            group by grouping sets ((currency), (txn_type, currency), (status, currency))
            having sum(transactions) <> 0
            order by 1, 2, 3""";

    /** Each row: the grouping it belongs to, its key, currency, count and signed total; ordered as the API lists. */
    private static final String ROLLUP_GROUPINGS = """
            select case when grouping(month) = 0 then 'month' when grouping(txn_type) = 0 then 'type'
                        when grouping(status) = 0 then 'status' else 'currency' end as dimension,
                   coalesce(to_char(month, 'YYYY-MM'), txn_type, status, currency) as k, currency as c,
                   sum(transactions), sum(signed_total)
            from engine.ledger_rollup%s
            group by grouping sets ((currency), (month, currency), (txn_type, currency), (status, currency))
            having sum(transactions) <> 0
            order by 1, 2, 3""";

    @Override
    public List<BaseCurrencyTotal> baseCurrencyTotals(TenantId tenantId, TransactionFilter filter) {
        Where where = where(tenantId, filter, "txn_date");
        List<BaseCurrencyTotal> totals = new ArrayList<>();
        for (Object row : where.bind(em.createNativeQuery("select coalesce(base_currency, ''),"
                + " count(base_amount), coalesce(sum(case when direction = 'IN' then base_amount else -base_amount end), 0),"
                + " count(*) filter (where rate_missing), count(*) filter (where enriched_at is null)"
                + " from engine.ledger_transaction" + where.sql() + " group by 1 order by 1")).getResultList()) {
            Object[] r = (Object[]) row;
            totals.add(new BaseCurrencyTotal(((String) r[0]).isEmpty() ? null : (String) r[0],
                    ((Number) r[1]).longValue(), (BigDecimal) r[2], ((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue()));
        }
        return totals;
    }

    /** Tags arrive joined by a unit separator (a character no tag contains): native array types vary by driver. */
    private static List<String> tags(Object value) {
        return value == null || value.toString().isEmpty() ? List.of() : List.of(value.toString().split("\u001f"));
    }

    /** The rollup holds whole months: it serves a summary without dates, or from a 1st to a month's last day. */
    private static boolean servedByRollup(TransactionFilter filter) {
        return (filter.dateFrom() == null || filter.dateFrom().getDayOfMonth() == 1)
                && (filter.dateTo() == null || filter.dateTo().equals(filter.dateTo().withDayOfMonth(
                        filter.dateTo().lengthOfMonth())));
    }

    private static final String LEDGER = "select %s as k, currency as c, count(*), sum(" + SIGNED
            + ") from engine.ledger_transaction%s group by 1, 2 order by 1, 2";

    private List<Group> groups(Where where, String template, String key) {
        Query query = where.bind(em.createNativeQuery(String.format(template, key, where.sql())));
        List<Group> groups = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            groups.add(new Group((String) r[0], (String) r[1], ((Number) r[2]).longValue(), (BigDecimal) r[3]));
        }
        return groups;
    }

    @Override
    public SyncStatistics syncStatistics(TenantId tenantId, Instant since) {
        Timestamp from = Timestamp.from(since);
        List<Count> byStatus = counts(em.createNativeQuery("select status, count(*) from engine.sync_job"
                + " where tenant_id = ?1 and created_at >= ?2 group by status order by status"), tenantId, from);
        Object[] figures = (Object[]) em.createNativeQuery("""
                        select count(*) filter (where status = 'COMPLETED'),
                               count(*) filter (where status in ('COMPLETED', 'FAILED')),
                               percentile_cont(0.5) within group (order by extract(epoch from finished_at - started_at))
                                   filter (where status = 'COMPLETED'),
                               percentile_cont(0.95) within group (order by extract(epoch from finished_at - started_at))
                                   filter (where status = 'COMPLETED')
                        from engine.sync_job where tenant_id = ?1 and created_at >= ?2""")
                .setParameter(1, tenantId.id()).setParameter(2, from).getSingleResult();
        long completed = ((Number) figures[0]).longValue();
        long ended = ((Number) figures[1]).longValue();
        List<Count> perDay = counts(em.createNativeQuery("select to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD'),"
                + " sum(imported) from engine.sync_job where tenant_id = ?1 and created_at >= ?2"
                + " and finished_at is not null group by 1 order by 1"), tenantId, from);
        List<IntegrationFigures> perIntegration = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select integration_id, count(*), count(*) filter (where status = 'COMPLETED'),
                               count(*) filter (where status = 'FAILED'), sum(imported)
                        from engine.sync_job where tenant_id = ?1 and created_at >= ?2
                        group by integration_id order by integration_id""")
                .setParameter(1, tenantId.id()).setParameter(2, from).getResultList()) {
            Object[] r = (Object[]) row;
            perIntegration.add(new IntegrationFigures((UUID) r[0], ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue()));
        }
        return new SyncStatistics(since, byStatus, ended == 0 ? null : (double) completed / ended,
                figures[2] == null ? null : ((Number) figures[2]).doubleValue(),
                figures[3] == null ? null : ((Number) figures[3]).doubleValue(), perDay, perIntegration);
    }

    private static List<Count> counts(Query query, TenantId tenantId, Timestamp from) {
        List<Count> counts = new ArrayList<>();
        for (Object row : query.setParameter(1, tenantId.id()).setParameter(2, from).getResultList()) {
            Object[] r = (Object[]) row;
            counts.add(new Count((String) r[0], ((Number) r[1]).longValue()));
        }
        return counts;
    }

    private static Where where(TenantId tenantId, TransactionFilter filter) {
        return where(tenantId, filter, "txn_date");
    }

    /** The filter's conditions; {@code dateColumn}: txn_date in the ledger, month in the rollup. */
    private static Where where(TenantId tenantId, TransactionFilter filter, String dateColumn) {
        Where where = new Where();
        where.and("tenant_id = ?", tenantId.id());
        if (filter.integrationId() != null) {
            where.and("integration_id = ?", filter.integrationId());
        }
        if (filter.status() != null) {
            where.and("status = ?", filter.status());
        }
        if (filter.currency() != null) {
            where.and("currency = ?", filter.currency());
        }
        if (filter.type() != null) {
            where.and("txn_type = ?", filter.type());
        }
        if (filter.dateFrom() != null) {
            where.and(dateColumn + " >= ?", Date.valueOf(filter.dateFrom()));
        }
        if (filter.dateTo() != null) {
            where.and(dateColumn + " <= ?", Date.valueOf(filter.dateTo()));
        }
        return where;
    }

    /** A WHERE clause built from conditions with positional parameters. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        void and(String condition, Object... values) {
            sql.append(sql.length() == 0 ? " where " : " and ");
            // number the JDBC-style placeholders for JPA: ?1, ?2, ...
            StringBuilder numbered = new StringBuilder();
            int next = 0;
            for (char c : condition.toCharArray()) {
                if (c == '?') {
                    numbered.append('?').append(parameters.size() + (++next));
                } else {
                    numbered.append(c);
                }
            }
            sql.append(numbered);
            parameters.addAll(List.of(values));
        }

        String sql() {
            return sql.toString();
        }

        Query bind(Query query) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setParameter(i + 1, parameters.get(i));
            }
            return query;
        }
    }

    private static LocalDate date(Object value) {
        return SqlValues.date(value);
    }

    private static Instant instant(Object value) {
        return SqlValues.instant(value);
    }
}
