package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.enrichment.CategoriserModel;
import io.kibly.engine.domain.model.enrichment.Enrichment;
import io.kibly.engine.domain.model.enrichment.EnrichmentRepository;
import io.kibly.engine.domain.model.enrichment.EnrichmentRule;
import io.kibly.engine.domain.model.enrichment.EnrichmentSettings;
import io.kibly.engine.domain.model.enrichment.EnrichmentSubject;
import io.kibly.engine.domain.model.enrichment.LabelledSubject;
import io.kibly.engine.domain.model.enrichment.RuleCondition;
import io.kibly.engine.domain.model.enrichment.RuleOutcome;
import io.kibly.engine.domain.model.enrichment.RuleOverrun;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.domain.model.enrichment.TextMatch;
import io.kibly.engine.domain.model.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.Session;

/**
 * Enrichment's tables (migrations V12, V20) in plain JDBC on the transaction's connection: rules, settings, the
 * categoriser's versions, and the enrichment columns of {@code engine.ledger_transaction}, which this class
 * alone writes (the import never touches them, and this never touches a provider field).
 */
@ApplicationScoped
public class JdbcEnrichmentRepository implements EnrichmentRepository {

    private static final String RULE_COLUMNS = "id, priority, description_mode, description_pattern, reference_mode,"
            + " reference_pattern, contact, min_amount, max_amount, txn_type, provider_account, category, account_code,"
            + " tags, version, created_at, updated_at, disabled_reason, disabled_at";
    private static final String SUBJECT_COLUMNS = "id, integration_id, provider_id, txn_type, direction, total,"
            + " currency, currency_rate, description, reference, contact_id, contact_name, account_id,"
            + " provider_account_code, reconciled";

    /** Parsed models by tenant and version: a page's enrichment should not re-read a model it already has. */
    private final Map<String, CategoriserModel> models = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    @Override
    public List<StoredRule> rules(TenantId tenantId) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + RULE_COLUMNS
                    + " from engine.enrichment_rule where tenant_id = ? order by priority, id")) {
                select.setString(1, tenantId.id());
                return rules(select);
            }
        });
    }

    @Override
    public String stamp(TenantId tenantId) {
        return (String) em.createNativeQuery("""
                select coalesce((select version from engine.enrichment_settings where tenant_id = ?1), 0)
                    || '/' || (select count(*) || ':' || coalesce(max(id), 0) || ':' || coalesce(sum(version), 0)
                               from engine.enrichment_rule where tenant_id = ?1)
                    || '/' || coalesce((select max(version) from engine.categoriser_model where tenant_id = ?1), 0)
                """).setParameter(1, tenantId.id()).getSingleResult();
    }

    @Override
    public boolean claimTraining(TenantId tenantId) {
        // a transaction-scoped advisory lock: released at commit, never waited for
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext('kibly-training/' || ?1))")
                .setParameter(1, tenantId.id()).getSingleResult();
    }

    @Override
    public Optional<StoredRule> rule(TenantId tenantId, long ruleId) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + RULE_COLUMNS
                    + " from engine.enrichment_rule where tenant_id = ? and id = ?")) {
                select.setString(1, tenantId.id());
                select.setLong(2, ruleId);
                return rules(select).stream().findFirst();
            }
        });
    }

    @Override
    public StoredRule addRule(TenantId tenantId, int priority, RuleCondition condition, RuleOutcome outcome,
            Instant now) {
        return work(c -> {
            try (PreparedStatement insert = c.prepareStatement("insert into engine.enrichment_rule (tenant_id,"
                    + " priority, description_mode, description_pattern, reference_mode, reference_pattern, contact,"
                    + " min_amount, max_amount, txn_type, provider_account, category, account_code, tags, version,"
                    + " created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"
                    + " returning " + RULE_COLUMNS)) {
                insert.setString(1, tenantId.id());
                int p = bindRule(c, insert, 2, priority, condition, outcome);
                insert.setTimestamp(p++, Timestamp.from(now));
                insert.setTimestamp(p, Timestamp.from(now));
                return rules(insert).get(0);
            }
        });
    }

    @Override
    public Optional<StoredRule> replaceRule(TenantId tenantId, long ruleId, int expectedVersion, int priority,
            RuleCondition condition, RuleOutcome outcome, Instant now) {
        return work(c -> {
            try (PreparedStatement update = c.prepareStatement("update engine.enrichment_rule set priority = ?,"
                    + " description_mode = ?, description_pattern = ?, reference_mode = ?, reference_pattern = ?,"
                    + " contact = ?, min_amount = ?, max_amount = ?, txn_type = ?, provider_account = ?, category = ?,"
                    + " account_code = ?, tags = ?, version = version + 1, updated_at = ?,"
                    // replaced by its author: enabled again (if the pattern still overruns, it is disabled again)
                    + " disabled_reason = null, disabled_at = null"
                    + " where tenant_id = ? and id = ? and version = ? returning " + RULE_COLUMNS)) {
                int p = bindRule(c, update, 1, priority, condition, outcome);
                update.setTimestamp(p++, Timestamp.from(now));
                update.setString(p++, tenantId.id());
                update.setLong(p++, ruleId);
                update.setInt(p, expectedVersion);
                return rules(update).stream().findFirst();
            }
        });
    }

    @Override
    public boolean removeRule(TenantId tenantId, long ruleId) {
        return em.createNativeQuery("delete from engine.enrichment_rule where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenantId.id()).setParameter(2, ruleId).executeUpdate() == 1;
    }

    @Override
    public boolean disableRule(TenantId tenantId, RuleOverrun overrun, Instant now) {
        String column = overrun.field().equals("reference") ? "reference_pattern" : "description_pattern";
        return em.createNativeQuery("update engine.enrichment_rule set disabled_reason = ?1, disabled_at = ?2,"
                        + " version = version + 1 where tenant_id = ?3 and id = ?4 and disabled_reason is null"
                        + " and " + column + " = ?5")
                .setParameter(1, overrun.reason()).setParameter(2, Timestamp.from(now))
                .setParameter(3, tenantId.id()).setParameter(4, overrun.ruleId())
                .setParameter(5, overrun.pattern()).executeUpdate() == 1;
    }

    @Override
    public Optional<EnrichmentSettings> settings(TenantId tenantId) {
        List<?> rows = em.createNativeQuery("select base_currency, review_threshold, retrain_after_labels, version"
                + " from engine.enrichment_settings where tenant_id = ?1").setParameter(1, tenantId.id()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new EnrichmentSettings((String) row[0], (BigDecimal) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue()));
    }

    @Override
    public boolean saveSettings(TenantId tenantId, EnrichmentSettings settings, Instant now) {
        // version 0: the defaults, never stored; an insert that finds a row stored meanwhile changes nothing
        return em.createNativeQuery("insert into engine.enrichment_settings as s (tenant_id, base_currency,"
                        + " review_threshold, retrain_after_labels, version, updated_at) values (?1, ?2, ?3, ?4, 1, ?5)"
                        + " on conflict (tenant_id) do update set base_currency = excluded.base_currency,"
                        + " review_threshold = excluded.review_threshold,"
                        + " retrain_after_labels = excluded.retrain_after_labels, version = s.version + 1,"
                        + " updated_at = excluded.updated_at where s.version = ?6")
                .setParameter(1, tenantId.id()).setParameter(2, settings.baseCurrency())
                .setParameter(3, settings.reviewThreshold()).setParameter(4, settings.retrainAfterLabels())
                .setParameter(5, Timestamp.from(now)).setParameter(6, settings.version())
                .executeUpdate() == 1;
    }

    @Override
    public int countNewLabels(TenantId tenantId, EnrichmentSettings defaults, int labels) {
        Object count = em.createNativeQuery("insert into engine.enrichment_settings as s (tenant_id, base_currency,"
                        + " review_threshold, retrain_after_labels, version, updated_at, labels_since_training)"
                        + " values (?1, ?2, ?3, ?4, 1, now(), ?5) on conflict (tenant_id) do update"
                        + " set labels_since_training = s.labels_since_training + excluded.labels_since_training"
                        + " returning labels_since_training")
                .setParameter(1, tenantId.id()).setParameter(2, defaults.baseCurrency())
                .setParameter(3, defaults.reviewThreshold()).setParameter(4, defaults.retrainAfterLabels())
                .setParameter(5, labels).getSingleResult();
        return ((Number) count).intValue();
    }

    @Override
    public int labelsSinceTraining(TenantId tenantId) {
        List<?> rows = em.createNativeQuery("select labels_since_training from engine.enrichment_settings"
                + " where tenant_id = ?1").setParameter(1, tenantId.id()).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    @Override
    public void resetNewLabels(TenantId tenantId) {
        em.createNativeQuery("update engine.enrichment_settings set labels_since_training = 0 where tenant_id = ?1")
                .setParameter(1, tenantId.id()).executeUpdate();
    }

    @Override
    public Optional<CategoriserModel> latestModel(TenantId tenantId) {
        List<?> versions = em.createNativeQuery("select max(version) from engine.categoriser_model where tenant_id = ?1")
                .setParameter(1, tenantId.id()).getResultList();
        if (versions.isEmpty() || versions.get(0) == null) {
            return Optional.empty();
        }
        long version = ((Number) versions.get(0)).longValue();
        return Optional.of(models.computeIfAbsent(tenantId.id() + "/" + version, key -> CategoriserModel.fromStoredForm(
                (String) em.createNativeQuery("select model from engine.categoriser_model"
                                + " where tenant_id = ?1 and version = ?2")
                        .setParameter(1, tenantId.id()).setParameter(2, version).getSingleResult())));
    }

    @Override
    public void saveModel(TenantId tenantId, CategoriserModel model, Instant now) {
        em.createNativeQuery("insert into engine.categoriser_model (tenant_id, version, trained_at, example_count,"
                        + " label_count, model) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, tenantId.id()).setParameter(2, model.version()).setParameter(3, Timestamp.from(now))
                .setParameter(4, model.exampleCount()).setParameter(5, model.labelCount())
                .setParameter(6, model.toStoredForm()).executeUpdate();
    }

    @Override
    public List<LabelledSubject> trainingExamples(TenantId tenantId, int limit) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + SUBJECT_COLUMNS
                    + " from engine.ledger_transaction where tenant_id = ? and reconciled and status = 'ACTIVE'"
                    + " and provider_account_code is not null order by id desc limit ?")) {
                select.setString(1, tenantId.id());
                select.setInt(2, limit);
                List<LabelledSubject> examples = new ArrayList<>();
                for (Stored stored : subjects(select)) {
                    examples.add(new LabelledSubject(stored.subject(), stored.subject().providerAccountCode()));
                }
                return examples;
            }
        });
    }

    @Override
    public List<Stored> transactions(TenantId tenantId, UUID integrationId, List<String> providerIds) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + SUBJECT_COLUMNS
                    + " from engine.ledger_transaction where tenant_id = ? and integration_id = ?"
                    + " and provider_id = any(?)")) {
                select.setString(1, tenantId.id());
                select.setObject(2, integrationId);
                select.setArray(3, c.createArrayOf("text", providerIds.toArray()));
                return subjects(select);
            }
        });
    }

    @Override
    public List<Stored> transactionsAfter(TenantId tenantId, long afterId, boolean onlyUncategorised, int limit) {
        return work(c -> {
            try (PreparedStatement select = c.prepareStatement("select " + SUBJECT_COLUMNS
                    + " from engine.ledger_transaction where tenant_id = ? and id > ?"
                    // rows not enriched yet are on their way (their page's message): only NONE ones are left behind
                    + (onlyUncategorised ? " and enriched_by = 'NONE'" : "")
                    + " order by id limit ?")) {
                select.setString(1, tenantId.id());
                select.setLong(2, afterId);
                select.setInt(3, limit);
                return subjects(select);
            }
        });
    }

    @Override
    public void saveEnrichments(TenantId tenantId, List<Enriched> enriched, Instant now) {
        if (enriched.isEmpty()) {
            return;
        }
        String[] integrations = enriched.stream().map(e -> e.integrationId().toString()).toArray(String[]::new);
        String[] ids = enriched.stream().map(Enriched::providerId).toArray(String[]::new);
        EnrichmentColumns columns = new EnrichmentColumns(enriched.stream().map(Enriched::enrichment).toList());
        work(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    update engine.ledger_transaction l set category = e.category, account_code = e.account_code,
                        tags = case when e.tags = '' then '{}'::text[] else string_to_array(e.tags, E'\\x1f') end,
                        enriched_by = e.source, enrichment_rule_id = e.rule_id, model_version = e.model_version,
                        confidence = e.confidence, needs_review = e.needs_review, base_currency = e.base_currency,
                        base_amount = e.base_amount, rate_missing = e.rate_missing, enriched_at = ?,
                        enrichment_error = null
                    from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                                ?::bigint[], ?::numeric[], ?::boolean[], ?::text[], ?::numeric[], ?::boolean[])
                        as e(integration_id, provider_id, category, account_code, tags, source, rule_id, model_version,
                             confidence, needs_review, base_currency, base_amount, rate_missing)
                    where l.tenant_id = ? and l.integration_id = e.integration_id and l.provider_id = e.provider_id
                    """)) {
                int p = 1;
                update.setTimestamp(p++, Timestamp.from(now));
                update.setArray(p++, c.createArrayOf("uuid", integrations));
                update.setArray(p++, c.createArrayOf("text", ids));
                p = columns.bind(c, update, p);
                update.setString(p, tenantId.id());
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void recordFailure(TenantId tenantId, UUID integrationId, List<String> providerIds, String error) {
        work(c -> {
            try (PreparedStatement update = c.prepareStatement("update engine.ledger_transaction"
                    + " set enrichment_error = ? where tenant_id = ? and integration_id = ? and provider_id = any(?)")) {
                update.setString(1, error);
                update.setString(2, tenantId.id());
                update.setObject(3, integrationId);
                update.setArray(4, c.createArrayOf("text", providerIds.toArray()));
                return update.executeUpdate();
            }
        });
    }

    private static int bindRule(Connection c, PreparedStatement statement, int first, int priority,
            RuleCondition condition, RuleOutcome outcome) throws SQLException {
        int p = first;
        statement.setInt(p++, priority);
        statement.setString(p++, condition.description() == null ? null : condition.description().mode().name());
        statement.setString(p++, condition.description() == null ? null : condition.description().pattern());
        statement.setString(p++, condition.reference() == null ? null : condition.reference().mode().name());
        statement.setString(p++, condition.reference() == null ? null : condition.reference().pattern());
        statement.setString(p++, condition.contact());
        statement.setBigDecimal(p++, condition.minAmount());
        statement.setBigDecimal(p++, condition.maxAmount());
        statement.setString(p++, condition.type());
        statement.setString(p++, condition.providerAccount());
        statement.setString(p++, outcome.category());
        if (outcome.accountCode() == null) {
            statement.setNull(p++, Types.VARCHAR);
        } else {
            statement.setString(p++, outcome.accountCode());
        }
        statement.setArray(p++, c.createArrayOf("text", outcome.tags().toArray()));
        return p;
    }

    private static List<StoredRule> rules(PreparedStatement statement) throws SQLException {
        List<StoredRule> rules = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                RuleCondition condition = new RuleCondition(match(row.getString(3), row.getString(4)),
                        match(row.getString(5), row.getString(6)), row.getString(7), row.getBigDecimal(8),
                        row.getBigDecimal(9), row.getString(10), row.getString(11));
                Array tags = row.getArray(14);
                RuleOutcome outcome = new RuleOutcome(row.getString(12), row.getString(13),
                        Arrays.asList((String[]) tags.getArray()));
                Timestamp disabledAt = row.getTimestamp(19);
                rules.add(new StoredRule(new EnrichmentRule(row.getLong(1), row.getInt(2), condition, outcome),
                        row.getInt(15), row.getTimestamp(16).toInstant(), row.getTimestamp(17).toInstant(),
                        row.getString(18), disabledAt == null ? null : disabledAt.toInstant()));
            }
        }
        return rules;
    }

    private static TextMatch match(String mode, String pattern) {
        // as stored: a pattern from before the safety check still loads, and its budget bounds it
        return mode == null ? null : TextMatch.restore(TextMatch.Mode.valueOf(mode), pattern);
    }

    private static List<Stored> subjects(PreparedStatement statement) throws SQLException {
        List<Stored> subjects = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                subjects.add(new Stored(row.getLong(1), (UUID) row.getObject(2), new EnrichmentSubject(
                        row.getString(3), row.getString(4), row.getString(5), row.getBigDecimal(6), row.getString(7),
                        row.getBigDecimal(8), row.getString(9), row.getString(10), row.getString(11),
                        row.getString(12), row.getString(13), row.getString(14), row.getBoolean(15))));
            }
        }
        return subjects;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }
}
