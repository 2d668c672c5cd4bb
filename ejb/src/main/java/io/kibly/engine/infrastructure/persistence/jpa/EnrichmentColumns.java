package io.kibly.engine.infrastructure.persistence.jpa;

import io.kibly.engine.domain.model.enrichment.Enrichment;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Enrichments as the column arrays a statement unnests: category, account code, tags, source, rule, model,
 * confidence, needs review, base currency, base amount, rate missing (in that order). A null enrichment is a row not
 * enriched: nulls in every column.
 */
final class EnrichmentColumns {

    private final String[] categories;
    private final String[] accountCodes;
    private final String[] tags;
    private final String[] sources;
    private final String[] baseCurrencies;
    private final Long[] rules;
    private final Long[] models;
    private final BigDecimal[] confidences;
    private final BigDecimal[] baseAmounts;
    private final Boolean[] review;
    private final Boolean[] rateMissing;

    EnrichmentColumns(List<Enrichment> enrichments) {
        int n = enrichments.size();
        categories = new String[n];
        accountCodes = new String[n];
        tags = new String[n];
        sources = new String[n];
        baseCurrencies = new String[n];
        rules = new Long[n];
        models = new Long[n];
        confidences = new BigDecimal[n];
        baseAmounts = new BigDecimal[n];
        review = new Boolean[n];
        rateMissing = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Enrichment e = enrichments.get(i);
            if (e == null) {
                continue;
            }
            categories[i] = e.category();
            accountCodes[i] = e.accountCode();
            // tags travel as one text per row (arrays of arrays must be rectangular), joined by a unit separator, a
            // character no tag contains; the statement splits them again
            tags[i] = String.join("\u001f", e.tags());
            sources[i] = e.source().name();
            rules[i] = e.ruleId();
            models[i] = e.modelVersion();
            confidences[i] = e.confidence();
            review[i] = e.needsReview();
            baseCurrencies[i] = e.baseAmount().baseCurrency();
            baseAmounts[i] = e.baseAmount().amount();
            rateMissing[i] = e.baseAmount().rateMissing();
        }
    }

    /** Binds the eleven arrays from parameter {@code first} on; answers the next parameter's index. */
    int bind(Connection connection, PreparedStatement statement, int first) throws SQLException {
        int p = first;
        statement.setArray(p++, connection.createArrayOf("text", categories));
        statement.setArray(p++, connection.createArrayOf("text", accountCodes));
        statement.setArray(p++, connection.createArrayOf("text", tags));
        statement.setArray(p++, connection.createArrayOf("text", sources));
        statement.setArray(p++, connection.createArrayOf("bigint", rules));
        statement.setArray(p++, connection.createArrayOf("bigint", models));
        statement.setArray(p++, connection.createArrayOf("numeric", confidences));
        statement.setArray(p++, connection.createArrayOf("boolean", review));
        statement.setArray(p++, connection.createArrayOf("text", baseCurrencies));
        statement.setArray(p++, connection.createArrayOf("numeric", baseAmounts));
        statement.setArray(p++, connection.createArrayOf("boolean", rateMissing));
        return p;
    }
}
