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
import io.kibly.engine.domain.model.enrichment.MatchBudget;
import io.kibly.engine.domain.model.enrichment.RuleCondition;
import io.kibly.engine.domain.model.enrichment.RuleOutcome;
import io.kibly.engine.domain.model.enrichment.RuleOverrun;
import io.kibly.engine.domain.model.enrichment.RuleSet;
import io.kibly.engine.domain.model.enrichment.StoredRule;
import io.kibly.engine.domain.model.tenant.TenantId;
import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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
 * <p>
 * Two enrichment workers serve every tenant, so no tenant's patterns may hold one for long. Each chunk (a page
 * before it is stored, a queued page, a re-enrichment chunk) gets a {@link MatchBudget}: a regular-expression
 * match that runs past {@code kibly.enrichment.regex-budget-ms} (twice) disables its rule, with the reason, and
 * the chunk goes on without it; once the chunk's regular expressions took {@code kibly.enrichment.regex-chunk-budget-ms}
 * in all, the transactions left are handed back to the queue with a delivery delay, behind the other tenants'
 * work, instead of holding the worker (an importer's page hands them to the queue, as any page it could not enrich).
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
    /** The longest one regular-expression match may take; a rule that overruns it is disabled. */
    @Inject
    @ConfigProperty(name = "kibly.enrichment.regex-budget-ms", defaultValue = "50")
    long regexBudgetMs;
    /**
     * The regular-expression time one chunk may take in all before the rest is handed back to the queue. Normal
     * patterns take microseconds on a description: a 2,000-row chunk with a dozen of them stays far below it.
     */
    @Inject
    @ConfigProperty(name = "kibly.enrichment.regex-chunk-budget-ms", defaultValue = "2000")
    long regexChunkBudgetMs;
    /** How long the rest of a chunk that used up its budget waits on the queue, so other tenants' work goes first. */
    @Inject
    @ConfigProperty(name = "kibly.enrichment.regex-chunk-delay-ms", defaultValue = "1000")
    long regexChunkDelayMs;

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
                .field("category", before.rule().outcome().category(), outcome.category())
                .field("disabledReason", before.disabledReason(), null)); // replaced: enabled again
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
        int done = enrichAndStore(tenantId, stored, context);
        if (done < stored.size()) {
            List<String> rest = stored.subList(done, stored.size()).stream().map(s -> s.subject().providerId())
                    .toList();
            LOG.log(Level.INFO, "Tenant {0}: a chunk used its regular-expression budget after {1} of {2}"
                    + " transactions; the rest is queued again", new Object[] {tenantId.id(), done, stored.size()});
            messages.enrichLater(tenantId, integrationId, rest, Duration.ofMillis(regexChunkDelayMs));
        }
        // the rest counts its labels when it is enriched
        int labels = (int) stored.subList(0, done).stream().filter(s -> s.subject().reconciled()
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
        MatchBudget budget = budget();
        Map<String, Enrichment> enrichments = new HashMap<>(transactions.size() * 2);
        for (LedgerTransaction transaction : transactions) {
            if (budget.exhausted()) {
                break; // what is left is not in the page's enrichment: pageStored hands it to the queue
            }
            enrichments.put(transaction.providerId(), ENRICHER.enrich(subject(transaction), context.rules(),
                    context.model(), context.settings().reviewThreshold(), context.settings().baseCurrency(), budget));
        }
        disableOverrun(tenantId, budget); // in this call's own transaction (the importers call it outside theirs)
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
                RuleSet.enabled(repository.rules(tenantId)),
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
        int done = enrichAndStore(tenantId, stored, context(tenantId));
        if (done < stored.size()) { // done > 0: a fresh budget always enriches the first transaction
            long last = stored.get(done - 1).id();
            LOG.log(Level.INFO, "Tenant {0}: a re-enrichment chunk used its regular-expression budget after {1} of"
                    + " {2} transactions; it goes on later", new Object[] {tenantId.id(), done, stored.size()});
            messages.reenrich(tenantId, last, onlyUncategorised, Duration.ofMillis(regexChunkDelayMs));
            return OptionalLong.of(last);
        }
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

    /**
     * Enriches and stores the transactions in order until the chunk's regular-expression budget is used up;
     * answers how many were done (the first ones), at least one unless there were none.
     */
    private int enrichAndStore(TenantId tenantId, List<EnrichmentRepository.Stored> stored,
            EnrichmentContexts.Context context) {
        if (stored.isEmpty()) {
            return 0;
        }
        MatchBudget budget = budget();
        List<EnrichmentRepository.Enriched> enriched = new ArrayList<>(stored.size());
        for (EnrichmentRepository.Stored transaction : stored) {
            if (budget.exhausted()) {
                break;
            }
            enriched.add(new EnrichmentRepository.Enriched(transaction.integrationId(),
                    transaction.subject().providerId(), ENRICHER.enrich(transaction.subject(), context.rules(),
                            context.model(), context.settings().reviewThreshold(),
                            context.settings().baseCurrency(), budget)));
        }
        repository.saveEnrichments(tenantId, enriched, clock.instant());
        disableOverrun(tenantId, budget);
        return enriched.size();
    }

    private MatchBudget budget() {
        return new MatchBudget(Duration.ofMillis(regexBudgetMs), Duration.ofMillis(regexChunkBudgetMs));
    }

    /**
     * Disables the rules that overran in the chunk, with the reason their authors see. The transactions they
     * overran on were enriched by the next rules, as if they had not matched; no re-enrichment is needed.
     */
    private void disableOverrun(TenantId tenantId, MatchBudget budget) {
        for (RuleOverrun overrun : budget.overruns()) {
            if (repository.disableRule(tenantId, overrun, clock.instant())) {
                audit.record(tenantId, "enrichment-rule.disabled", RULE, String.valueOf(overrun.ruleId()),
                        FieldChanges.none().field("disabledReason", null, overrun.reason()));
                LOG.log(Level.WARNING, "Tenant {0}: enrichment rule {1} disabled: {2}",
                        new Object[] {tenantId.id(), overrun.ruleId(), overrun.reason()});
            }
        }
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
