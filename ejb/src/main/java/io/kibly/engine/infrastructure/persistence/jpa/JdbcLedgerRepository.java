package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.enrichment.Enrichment;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerRepository;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import io.kibly.engine.domain.model.transaction.ProviderDeletion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Writes pages of transactions with one {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO UPDATE} per page
 * (the rows travel as column arrays, so a page of 1,000 is one round trip) and one {@code UPDATE} for deletions.
 * A row's enrichment, when the importer computed it, is written by the same statement: a row is written once.
 * Runs on the transaction's own connection, so it shares the tenant binding and commits with the checkpoint.
 */
@ApplicationScoped
public class JdbcLedgerRepository implements LedgerRepository {

    /**
     * Moves the summary rollups by the rows of {@code deltas} (+1 and the total per row written, -1 for each
     * replaced): the full one, and the two narrower ones the usual summary reads (V19). Each takes its rows' locks in
     * key order (and the three tables in this order), so that two pages stored at once cannot deadlock on them.
     */
    private static final String ROLL_UP = """
            signed as (
                select currency, date_trunc('month', txn_date)::date as month, txn_type, status, n,
                    case when direction = 'IN' then total else -total end as total
                from deltas),
            rolled as (
                insert into engine.ledger_rollup as r (tenant_id, integration_id, currency, month, txn_type, status,
                    transactions, signed_total)
                select params.tenant, params.integration, d.currency, d.month, d.txn_type, d.status, sum(d.n),
                    sum(d.total)
                from signed d, params
                group by 1, 2, 3, 4, 5, 6 order by 3, 4, 5, 6
                on conflict (tenant_id, integration_id, currency, month, txn_type, status) do update set
                    transactions = r.transactions + excluded.transactions,
                    signed_total = r.signed_total + excluded.signed_total),
            rolled_month as (
                insert into engine.ledger_rollup_month as r (tenant_id, integration_id, currency, month,
                    transactions, signed_total)
                select params.tenant, params.integration, d.currency, d.month, sum(d.n), sum(d.total)
                from signed d, params
                group by 1, 2, 3, 4 order by 3, 4
                on conflict (tenant_id, integration_id, currency, month) do update set
                    transactions = r.transactions + excluded.transactions,
                    signed_total = r.signed_total + excluded.signed_total),
            rolled_kind as (
                insert into engine.ledger_rollup_kind as r (tenant_id, integration_id, currency, txn_type, status,
                    transactions, signed_total)
                select params.tenant, params.integration, d.currency, d.txn_type, d.status, sum(d.n), sum(d.total)
                from signed d, params
                group by 1, 2, 3, 4, 5 order by 3, 4, 5
                on conflict (tenant_id, integration_id, currency, txn_type, status) do update set
                    transactions = r.transactions + excluded.transactions,
                    signed_total = r.signed_total + excluded.signed_total)
            """;

    /*
     * One statement per page. `previous` reads the stored versions as the statement's snapshot shows them (before
     * the upsert), by the primary key with the key's values as parameters (taken from the params CTE instead, the
     * planner scanned the whole table once per page); `written` inserts new rows and replaces older versions;
     * `rolled` moves the summary rollup by the difference: +1 for every row written, -1 for the version it replaced.
     */
    private static final String UPSERT = """
            with params as (select ?::varchar as tenant, ?::uuid as integration, ?::uuid as job, ?::timestamptz as at),
            incoming as (
                select * from unnest(?::text[], ?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[],
                                     ?::date[], ?::numeric[], ?::text[], ?::numeric[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                                     ?::numeric[], ?::boolean[], ?::text[], ?::numeric[], ?::boolean[])
                     as t(provider_id, provider_version, provider_updated_at, txn_type, direction, status, txn_date,
                          total, currency, currency_rate, description, reference, contact_id, contact_name, account_id,
                          account_name, reconciled, provider_account_code,
                          category, account_code, tags, enriched_by, enrichment_rule_id, model_version, confidence,
                          needs_review, base_currency, base_amount, rate_missing)),
            previous as (
                select l.provider_id, l.currency, l.txn_date, l.txn_type, l.status, l.direction, l.total
                from engine.ledger_transaction l
                where l.tenant_id = ? and l.integration_id = ? and l.provider_id = any(?::text[])),
            written as (
                insert into engine.ledger_transaction (tenant_id, integration_id, provider_id, provider_version,
                    provider_updated_at, txn_type, direction, status, txn_date, total, currency, currency_rate,
                    description, reference, contact_id, contact_name, account_id, account_name, reconciled,
                    provider_account_code, first_job_id, last_job_id, imported_at, changed_at,
                    category, account_code, tags, enriched_by, enrichment_rule_id, model_version, confidence,
                    needs_review, base_currency, base_amount, rate_missing, enriched_at)
                select params.tenant, params.integration, i.provider_id, i.provider_version, i.provider_updated_at,
                    i.txn_type, i.direction, i.status, i.txn_date, i.total, i.currency, i.currency_rate, i.description,
                    i.reference, i.contact_id, i.contact_name, i.account_id, i.account_name, i.reconciled,
                    i.provider_account_code, params.job, params.job, params.at, params.at,
                    i.category, i.account_code,
                    case when i.enriched_by is null then null when i.tags = '' then '{}'::text[]
                         else string_to_array(i.tags, E'\\x1f') end,
                    i.enriched_by, i.enrichment_rule_id, i.model_version, i.confidence, i.needs_review,
                    i.base_currency, i.base_amount, i.rate_missing,
                    case when i.enriched_by is null then null else params.at end
                from incoming i, params
                on conflict (tenant_id, integration_id, provider_id) do update set
                    provider_version = excluded.provider_version, provider_updated_at = excluded.provider_updated_at,
                    txn_type = excluded.txn_type, direction = excluded.direction, status = excluded.status,
                    txn_date = excluded.txn_date, total = excluded.total, currency = excluded.currency,
                    currency_rate = excluded.currency_rate, description = excluded.description,
                    reference = excluded.reference, contact_id = excluded.contact_id,
                    contact_name = excluded.contact_name, account_id = excluded.account_id,
                    account_name = excluded.account_name, reconciled = excluded.reconciled,
                    provider_account_code = excluded.provider_account_code, last_job_id = excluded.last_job_id,
                    changed_at = excluded.changed_at,
                    category = excluded.category, account_code = excluded.account_code, tags = excluded.tags,
                    enriched_by = excluded.enriched_by, enrichment_rule_id = excluded.enrichment_rule_id,
                    model_version = excluded.model_version, confidence = excluded.confidence,
                    needs_review = excluded.needs_review, base_currency = excluded.base_currency,
                    base_amount = excluded.base_amount, rate_missing = excluded.rate_missing,
                    enriched_at = excluded.enriched_at, enrichment_error = null
                where engine.ledger_transaction.provider_version < excluded.provider_version
                returning provider_id, (xmax = 0) as inserted, status, currency, txn_date, txn_type, direction, total),
            deltas as (
                select currency, txn_date, txn_type, status, direction, 1 as n, total from written
                union all
                select p.currency, p.txn_date, p.txn_type, p.status, p.direction, -1, -p.total
                from previous p join written w on w.provider_id = p.provider_id and not w.inserted),
            """ + ROLL_UP + """
            select provider_id, inserted, status from written
            """;

    /** Deletions (QuickBooks CDC): marks stored rows DELETED and moves them in the rollup. */
    private static final String DELETE = """
            with params as (select ?::varchar as tenant, ?::uuid as integration, ?::uuid as job, ?::timestamptz as at),
            previous as (
                select l.provider_id, l.currency, l.txn_date, l.txn_type, l.status, l.direction, l.total
                from engine.ledger_transaction l
                where l.tenant_id = ? and l.integration_id = ? and l.provider_id = any(?::text[])
                  and l.status <> 'DELETED'),
            changed as (
                update engine.ledger_transaction l set status = 'DELETED', last_job_id = params.job,
                    changed_at = params.at
                from params
                where l.tenant_id = params.tenant and l.integration_id = params.integration
                  and l.provider_id in (select provider_id from previous)
                returning l.provider_id),
            deltas as (
                select currency, txn_date, txn_type, 'DELETED' as status, direction, 1 as n, total from previous
                union all
                select currency, txn_date, txn_type, status, direction, -1, -total from previous),
            """ + ROLL_UP + """
            select provider_id from changed
            """;

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public Written write(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<ProviderDeletion> deletions, Instant now) {
        return write(tenantId, integrationId, jobId, transactions, deletions, Map.of(), now);
    }

    @Override
    public Written write(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<ProviderDeletion> deletions, Map<String, Enrichment> enrichments, Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Counts counts = new Counts();
            Collection<LedgerTransaction> rows = newestPerId(transactions);
            if (!rows.isEmpty()) {
                upsert(connection, tenantId, integrationId, jobId, rows, enrichments, now, counts);
            }
            if (!deletions.isEmpty()) {
                delete(connection, tenantId, integrationId, jobId, deletions, now, counts);
            }
            int unchanged = transactions.size() + deletions.size() - counts.imported - counts.updated - counts.deleted;
            return new Written(counts.imported, counts.updated, counts.deleted, unchanged, counts.changedIds);
        });
    }

    private static final class Counts {
        int imported;
        int updated;
        int deleted;
        final List<String> changedIds = new ArrayList<>();
    }

    /** A page never names one transaction twice in one statement (PostgreSQL refuses that): keep the newest. */
    private static Collection<LedgerTransaction> newestPerId(List<LedgerTransaction> transactions) {
        Map<String, LedgerTransaction> newest = new LinkedHashMap<>();
        for (LedgerTransaction t : transactions) {
            newest.merge(t.providerId(), t, (a, b) -> a.providerVersion() >= b.providerVersion() ? a : b);
        }
        return newest.values();
    }

    private static void upsert(Connection connection, TenantId tenantId, UUID integrationId, UUID jobId,
            Collection<LedgerTransaction> rows, Map<String, Enrichment> enrichments, Instant now, Counts counts)
            throws SQLException {
        int n = rows.size();
        String[] ids = new String[n], updatedAt = new String[n], types = new String[n], directions = new String[n],
                statuses = new String[n], dates = new String[n], currencies = new String[n],
                descriptions = new String[n], references = new String[n], contactIds = new String[n],
                contactNames = new String[n], accountIds = new String[n], accountNames = new String[n],
                accountCodes = new String[n];
        Long[] versions = new Long[n];
        BigDecimal[] totals = new BigDecimal[n], rates = new BigDecimal[n];
        Boolean[] reconciled = new Boolean[n];
        int i = 0;
        for (LedgerTransaction t : rows) {
            ids[i] = t.providerId();
            versions[i] = t.providerVersion();
            updatedAt[i] = t.updatedAt().toString();
            types[i] = t.type();
            directions[i] = t.direction().name();
            statuses[i] = t.status().name();
            // a transaction without a provider date is dated by its last change (the list orders by date)
            dates[i] = (t.date() != null ? t.date() : t.updatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate())
                    .toString();
            totals[i] = t.total();
            currencies[i] = t.currency();
            rates[i] = t.currencyRate();
            descriptions[i] = t.description();
            references[i] = t.reference();
            contactIds[i] = t.contactId();
            contactNames[i] = t.contactName();
            accountIds[i] = t.accountId();
            accountNames[i] = t.accountName();
            reconciled[i] = t.reconciled();
            accountCodes[i] = t.providerAccountCode();
            i++;
        }
        List<Enrichment> byRow = new ArrayList<>(n);
        rows.forEach(row -> byRow.add(enrichments.get(row.providerId())));
        EnrichmentColumns enriched = new EnrichmentColumns(byRow);
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            int p = 1;
            upsert.setString(p++, tenantId.id());
            upsert.setObject(p++, integrationId);
            upsert.setObject(p++, jobId);
            upsert.setTimestamp(p++, at);
            upsert.setArray(p++, connection.createArrayOf("text", ids));
            upsert.setArray(p++, connection.createArrayOf("bigint", versions));
            upsert.setArray(p++, connection.createArrayOf("text", updatedAt));
            upsert.setArray(p++, connection.createArrayOf("text", types));
            upsert.setArray(p++, connection.createArrayOf("text", directions));
            upsert.setArray(p++, connection.createArrayOf("text", statuses));
            upsert.setArray(p++, connection.createArrayOf("text", dates));
            upsert.setArray(p++, connection.createArrayOf("numeric", totals));
            upsert.setArray(p++, connection.createArrayOf("text", currencies));
            upsert.setArray(p++, connection.createArrayOf("numeric", rates));
            upsert.setArray(p++, connection.createArrayOf("text", descriptions));
            upsert.setArray(p++, connection.createArrayOf("text", references));
            upsert.setArray(p++, connection.createArrayOf("text", contactIds));
            upsert.setArray(p++, connection.createArrayOf("text", contactNames));
            upsert.setArray(p++, connection.createArrayOf("text", accountIds));
            upsert.setArray(p++, connection.createArrayOf("text", accountNames));
            upsert.setArray(p++, connection.createArrayOf("boolean", reconciled));
            upsert.setArray(p++, connection.createArrayOf("text", accountCodes));
            p = enriched.bind(connection, upsert, p);
            upsert.setString(p++, tenantId.id());
            upsert.setObject(p++, integrationId);
            upsert.setArray(p, connection.createArrayOf("text", ids));
            try (ResultSet changed = upsert.executeQuery()) {
                while (changed.next()) {
                    counts.changedIds.add(changed.getString(1));
                    if (changed.getBoolean(2)) {
                        counts.imported++;
                    } else if (!"ACTIVE".equals(changed.getString(3))) {
                        counts.deleted++;
                    } else {
                        counts.updated++;
                    }
                }
            }
        }
    }

    private static void delete(Connection connection, TenantId tenantId, UUID integrationId, UUID jobId,
            List<ProviderDeletion> deletions, Instant now, Counts counts) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, tenantId.id());
            delete.setObject(2, integrationId);
            delete.setObject(3, jobId);
            delete.setTimestamp(4, Timestamp.from(now));
            delete.setString(5, tenantId.id());
            delete.setObject(6, integrationId);
            delete.setArray(7, connection.createArrayOf("text",
                    deletions.stream().map(ProviderDeletion::providerId).toArray(String[]::new)));
            try (ResultSet deleted = delete.executeQuery()) {
                while (deleted.next()) {
                    counts.changedIds.add(deleted.getString(1));
                    counts.deleted++;
                }
            }
        }
    }
}
