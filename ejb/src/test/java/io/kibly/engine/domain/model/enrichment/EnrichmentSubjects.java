package io.kibly.engine.domain.model.enrichment;

import java.math.BigDecimal;

/** Test subjects: a plain GBP spend, changed one field at a time. */
final class EnrichmentSubjects {

    private String type = "SPEND";
    private String direction = "OUT";
    private BigDecimal total = new BigDecimal("10.00");
    private String currency = "GBP";
    private BigDecimal currencyRate;
    private String description;
    private String reference;
    private String contactId;
    private String contactName;
    private String accountId = "bank-1";
    private String providerAccountCode;

    static EnrichmentSubjects spend() {
        return new EnrichmentSubjects();
    }

    EnrichmentSubjects type(String value) {
        type = value;
        return this;
    }

    EnrichmentSubjects direction(String value) {
        direction = value;
        return this;
    }

    EnrichmentSubjects total(String value) {
        total = new BigDecimal(value);
        return this;
    }

    EnrichmentSubjects currency(String value, String rate) {
        currency = value;
        currencyRate = rate == null ? null : new BigDecimal(rate);
        return this;
    }

    EnrichmentSubjects description(String value) {
        description = value;
        return this;
    }

    EnrichmentSubjects reference(String value) {
        reference = value;
        return this;
    }

    EnrichmentSubjects contact(String id, String name) {
        contactId = id;
        contactName = name;
        return this;
    }

    EnrichmentSubjects account(String value) {
        accountId = value;
        return this;
    }

    EnrichmentSubjects providerAccountCode(String value) {
        providerAccountCode = value;
        return this;
    }

    EnrichmentSubject build() {
        return new EnrichmentSubject("tx-1", type, direction, total, currency, currencyRate, description, reference,
                contactId, contactName, accountId, providerAccountCode, false);
    }
}
