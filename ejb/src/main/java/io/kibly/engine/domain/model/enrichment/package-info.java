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
 */
package io.kibly.engine.domain.model.enrichment;
