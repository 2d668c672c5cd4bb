package io.kibly.engine.application.internal;

import io.kibly.engine.application.AuditService;
import io.kibly.engine.application.ConcurrentUpdateException;
import io.kibly.engine.application.EnrichmentService;
import io.kibly.engine.application.EnrichmentWorker;
import io.kibly.engine.application.SyncMessages;
import io.kibly.engine.application.TenantScoped;
import io.kibly.engine.application.UnknownEnrichmentRuleException;
import io.kibly.engine.domain.model.audit.FieldChanges;
import io.kibly.engine.domain.model.enrichment.CategoriserModel;
import io.kibly.engine.domain.model.enrichment.CategoriserTraining;
import io.kibly.engine.domain.model.enrichment.Enricher;
import io.kibly.engine.domain.model.enrichment.Enrichment;
import io.kibly.engine.domain.model.enrichment.EnrichmentSubject;
import io.kibly.engine.domain.model.enrichment.EnrichmentRepository;
import io.kibly.engine.domain.model.enrichment.EnrichmentSettings;
import io.kibly.engine.domain.model.enrichment.LabelledSubject;
import io.kibly.engine.domain.model.enrichment.RuleCondition;
import io.kibly.engine.domain.model.enrichment.RuleOutcome;
import io.kibly.engine.domain.model.enrichment.RuleSet;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrichment: rules first, then the tenant's learned categoriser, else uncategorised; and every amount in the
 * tenant's base currency. A change of rules or settings re-enriches the tenant's transactions through the
 * enrichment queue, a chunk per message, so it never holds one long transaction.
 */
@Stateless
@TenantScoped
public class DefaultEnrichmentService implements EnrichmentService, EnrichmentWorker {

    private static final String RULE = "enrichment-rule";
    private static final Logger LOG = Logger.getLogger(DefaultEnrichmentService.class.getName());
    private static final Enricher ENRICHER = new Enricher();

    @Inject
    EnrichmentRepository repository;
    @Inject
    EnrichmentContexts contexts;
    @Inject
    SyncMessages messages;
    @Inject
    AuditService audit;
    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "kibly.enrichment.default-base-currency", defaultValue = "GBP")
    String defaultBaseCurrency;
    @Inject
    @ConfigProperty(name = "kibly.enrichment.default-review-threshold", defaultValue = "0.6")
    BigDecimal defaultReviewThreshold;
    @Inject
    @ConfigProperty(name = "kibly.enrichment.default-retrain-after-labels", defaultValue = "5000")
    int defaultRetrainAfterLabels;
    /** The newest labelled transactions a model is trained on: enough to learn, bounded in time and memory. */
    @Inject
    @ConfigProperty(name = "kibly.enrichment.training-examples", defaultValue = "20000")
    int trainingExamples;
    @Inject
    @ConfigProperty(name = "kibly.enrichment.chunk", defaultValue = "2000")
    int chunk;

    @Override
    public List<StoredRule> rules(TenantId tenantId) {
        return repository.rules(tenantId);
    }

    @Override
    public StoredRule rule(TenantId tenantId, long ruleId) {
        return repository.rule(tenantId, ruleId).orElseThrow(() -> new UnknownEnrichmentRuleException(ruleId));
    }

    @Override
    public StoredRule addRule(TenantId tenantId, String user, int priority, RuleCondition condition,
            RuleOutcome outcome) {
        StoredRule rule = repository.addRule(tenantId, priority, condition, outcome, clock.instant());
        audit.record(tenantId, "enrichment-rule.added", RULE, String.valueOf(rule.rule().id()), FieldChanges.none()
                .field("priority", null, priority).field("category", null, outcome.category()));
        reenrichAll(tenantId);
        return rule;
    }

    @Override
    public StoredRule replaceRule(TenantId tenantId, String user, long ruleId, int version, int priority,
            RuleCondition condition, RuleOutcome outcome) {
        StoredRule before = rule(tenantId, ruleId);
        StoredRule after = repository.replaceRule(tenantId, ruleId, version, priority, condition, outcome,
                clock.instant()).orElseThrow(() -> new ConcurrentUpdateException(RULE, String.valueOf(ruleId)));
        audit.record(tenantId, "enrichment-rule.changed", RULE, String.valueOf(ruleId), FieldChanges.none()
                .field("priority", before.rule().priority(), priority)
                .field("category", before.rule().outcome().category(), outcome.category()));
        reenrichAll(tenantId);
        return after;
    }

    @Override
    public void removeRule(TenantId tenantId, String user, long ruleId) {
        StoredRule before = rule(tenantId, ruleId);
        repository.removeRule(tenantId, ruleId);
        audit.record(tenantId, "enrichment-rule.removed", RULE, String.valueOf(ruleId), FieldChanges.none()
                .field("category", before.rule().outcome().category(), null));
        reenrichAll(tenantId);
    }

    @Override
    public EnrichmentSettings settings(TenantId tenantId) {
        return repository.settings(tenantId).orElseGet(this::defaults);
    }

    @Override
    public EnrichmentSettings updateSettings(TenantId tenantId, String user, EnrichmentSettings settings) {
        EnrichmentSettings before = settings(tenantId);
        if (!repository.saveSettings(tenantId, settings, clock.instant())) {
            throw new ConcurrentUpdateException("enrichment settings of", tenantId.id());
        }
        audit.record(tenantId, "enrichment-settings.changed", "enrichment-settings", tenantId.id(), FieldChanges.none()
                .field("baseCurrency", before.baseCurrency(), settings.baseCurrency())
                .field("reviewThreshold", before.reviewThreshold(), settings.reviewThreshold())
                .field("retrainAfterLabels", before.retrainAfterLabels(), settings.retrainAfterLabels()));
        reenrichAll(tenantId);
        return settings(tenantId);
    }

    @Override
    public Categoriser categoriser(TenantId tenantId) {
        EnrichmentSettings settings = settings(tenantId);
        int sinceTraining = repository.labelsSinceTraining(tenantId);
        return repository.latestModel(tenantId)
                .map(m -> new Categoriser(true, m.version(), m.exampleCount(), m.labels(), sinceTraining,
                        settings.retrainAfterLabels()))
                .orElse(new Categoriser(false, 0, 0, List.of(), sinceTraining, settings.retrainAfterLabels()));
    }

    @Override
    public void enrich(TenantId tenantId, UUID integrationId, List<String> providerIds) {
        List<EnrichmentRepository.Stored> stored = repository.transactions(tenantId, integrationId, providerIds);
        // the same kept inputs as the importers': they serve the enrichment and the retraining decision
        EnrichmentContexts.Context context = context(tenantId);
        enrichAndStore(tenantId, stored, context);
        int labels = (int) stored.stream().filter(s -> s.subject().reconciled()
                && s.subject().providerAccountCode() != null).count();
        if (labels > 0 && repository.countNewLabels(tenantId, context.settings(), labels)
                >= retrainingDue(context.settings(), context.model())) {
            retrain(tenantId);
        }
    }

    @Override
    public PageEnrichment enrichPage(TenantId tenantId, List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return PageEnrichment.none();
        }
        EnrichmentContexts.Context context = context(tenantId);
        Map<String, Enrichment> enrichments = new HashMap<>(transactions.size() * 2);
        for (LedgerTransaction transaction : transactions) {
            enrichments.put(transaction.providerId(), ENRICHER.enrich(subject(transaction), context.rules(),
                    context.model(), context.settings().reviewThreshold(), context.settings().baseCurrency()));
        }
        return new PageEnrichment(enrichments, retrainingDue(context.settings(), context.model()));
    }

    @Override
    public void pageStored(TenantId tenantId, UUID integrationId, UUID jobId, List<LedgerTransaction> transactions,
            List<String> changedIds, PageEnrichment enrichment) {
        if (changedIds.isEmpty()) {
            return;
        }
        List<String> notEnriched = changedIds.stream()
                .filter(id -> !enrichment.byProviderId().containsKey(id)).toList();
        if (!notEnriched.isEmpty()) {
            messages.enrich(tenantId, integrationId, jobId, notEnriched); // the queue counts their labels
        }
        if (notEnriched.size() == changedIds.size()) {
            return;
        }
        Set<String> changed = new HashSet<>(changedIds);
        int labels = 0;
        for (LedgerTransaction transaction : transactions) {
            if (transaction.reconciled() && transaction.providerAccountCode() != null
                    && changed.remove(transaction.providerId())
                    && enrichment.byProviderId().containsKey(transaction.providerId())) {
                labels++;
            }
        }
        if (labels > 0 && repository.countNewLabels(tenantId, defaults(), labels)
                >= enrichment.labelsForRetraining()) {
            // trained by the enrichment worker, not in this page's transaction
            messages.retrain(tenantId);
        }
    }

    @Override
    public void retrainIfDue(TenantId tenantId) {
        if (!repository.claimTraining(tenantId)) {
            return; // another worker is training it; its model resets the count
        }
        if (repository.labelsSinceTraining(tenantId)
                >= retrainingDue(settings(tenantId), repository.latestModel(tenantId))) {
            retrain(tenantId);
        }
    }

    /**
     * Retrained after retrainAfterLabels new labels, or as many as the model learned from if that is more: a
     * million-row import retrains a few dozen times, not at every page.
     */
    private static int retrainingDue(EnrichmentSettings settings, Optional<CategoriserModel> model) {
        return Math.max(1, Math.max(settings.retrainAfterLabels(), model.map(CategoriserModel::exampleCount).orElse(0)));
    }

    /** The tenant's enrichment inputs: the kept ones while the stamp shows no change, else read again. */
    private EnrichmentContexts.Context context(TenantId tenantId) {
        String stamp = repository.stamp(tenantId);
        Optional<EnrichmentContexts.Context> kept = contexts.at(tenantId.id(), stamp);
        if (kept.isPresent()) {
            return kept.get();
        }
        // read after the stamp: at worst newer than the stamp says, and read again at the next page
        EnrichmentContexts.Context read = new EnrichmentContexts.Context(stamp, settings(tenantId),
                RuleSet.of(repository.rules(tenantId).stream().map(StoredRule::rule).toList()),
                repository.latestModel(tenantId));
        contexts.keep(tenantId.id(), read);
        return read;
    }

    private static EnrichmentSubject subject(LedgerTransaction t) {
        return new EnrichmentSubject(t.providerId(), t.type(), t.direction().name(), t.total(), t.currency(),
                t.currencyRate(), t.description(), t.reference(), t.contactId(), t.contactName(), t.accountId(),
                t.providerAccountCode(), t.reconciled());
    }

    @Override
    public OptionalLong reenrich(TenantId tenantId, long afterId, boolean onlyUncategorised) {
        List<EnrichmentRepository.Stored> stored = repository.transactionsAfter(tenantId, afterId, onlyUncategorised,
                chunk);
        enrichAndStore(tenantId, stored, context(tenantId));
        if (stored.size() < chunk) {
            return OptionalLong.empty();
        }
        long last = stored.get(stored.size() - 1).id();
        messages.reenrich(tenantId, last, onlyUncategorised);
        return OptionalLong.of(last);
    }

    @Override
    public void recordFailure(TenantId tenantId, UUID integrationId, List<String> providerIds, String error) {
        repository.recordFailure(tenantId, integrationId, providerIds, error);
    }

    private void enrichAndStore(TenantId tenantId, List<EnrichmentRepository.Stored> stored,
            EnrichmentContexts.Context context) {
        if (stored.isEmpty()) {
            return;
        }
        List<EnrichmentRepository.Enriched> enriched = new ArrayList<>(stored.size());
        for (EnrichmentRepository.Stored transaction : stored) {
            enriched.add(new EnrichmentRepository.Enriched(transaction.integrationId(),
                    transaction.subject().providerId(), ENRICHER.enrich(transaction.subject(), context.rules(),
                            context.model(), context.settings().reviewThreshold(),
                            context.settings().baseCurrency())));
        }
        repository.saveEnrichments(tenantId, enriched, clock.instant());
    }

    /** Trains a new version on the newest labels, then predicts for what no model categorised yet. */
    private void retrain(TenantId tenantId) {
        List<LabelledSubject> examples = repository.trainingExamples(tenantId, trainingExamples);
        long version = repository.latestModel(tenantId).map(m -> m.version() + 1).orElse(1L);
        CategoriserModel model = CategoriserTraining.train(version, examples);
        Instant now = clock.instant();
        repository.saveModel(tenantId, model, now);
        repository.resetNewLabels(tenantId);
        LOG.log(Level.INFO, "Tenant {0}: categoriser version {1} trained on {2} examples, {3} labels",
                new Object[] {tenantId.id(), version, examples.size(), model.labelCount()});
        messages.reenrich(tenantId, 0, true);
    }

    private void reenrichAll(TenantId tenantId) {
        messages.reenrich(tenantId, 0, false);
    }

    private EnrichmentSettings defaults() {
        return new EnrichmentSettings(defaultBaseCurrency, defaultReviewThreshold, defaultRetrainAfterLabels, 0);
    }
}
