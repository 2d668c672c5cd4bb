/**
 * Transaction enrichment: giving an imported transaction a category, an account code, tags and an amount in the
 * organisation's base currency.
 * <p>
 * An {@link io.kibly.engine.domain.model.enrichment.Enricher} applies the tenant's own
 * {@link io.kibly.engine.domain.model.enrichment.RuleSet} first (a matching rule is certain); failing that, a
 * {@link io.kibly.engine.domain.model.enrichment.CategoriserModel} (multinomial naive Bayes trained by
 * {@link io.kibly.engine.domain.model.enrichment.CategoriserTraining} on the provider's own categorisation) predicts
 * a category with a confidence; failing that, the transaction stays uncategorised. Anything not certain enough is
 * marked for review. Everything here is plain Java: no persistence, no container.
 * <p>
 * Regular-expression rules are kept from stalling the shared workers in two layers:
 * {@link io.kibly.engine.domain.model.enrichment.RegexSafety} refuses new patterns with back-references or nested
 * quantifiers, and every match reads its text through a {@link io.kibly.engine.domain.model.enrichment.BudgetedText}
 * under a chunk's {@link io.kibly.engine.domain.model.enrichment.MatchBudget}; a rule that overruns is reported as
 * a {@link io.kibly.engine.domain.model.enrichment.RuleOverrun}, to be stored disabled
 * ({@link io.kibly.engine.domain.model.enrichment.StoredRule#enabled()}).
 */
package io.kibly.engine.domain.model.enrichment;
