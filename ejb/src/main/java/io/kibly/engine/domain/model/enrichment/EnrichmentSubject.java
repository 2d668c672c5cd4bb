package io.kibly.engine.domain.model.enrichment;

import io.kibly.engine.domain.model.transaction.LedgerTransaction;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What enrichment looks at in one transaction.
 *
 * @param direction           {@code IN} or {@code OUT}
 * @param total               the unsigned total in {@code currency}
 * @param currencyRate        units of {@code currency} per one unit of the base currency (Xero's convention); null
 *                            when the provider gave none
 * @param accountId           the provider's id of the bank account the money moved through
 * @param providerAccountCode the provider's own categorisation (its account code), the label the categoriser
 *                            learns from; null when uncategorised at the provider
 */
public record EnrichmentSubject(
        String providerId,
        String type,
        String direction,
        BigDecimal total,
        String currency,
        BigDecimal currencyRate,
        String description,
        String reference,
        String contactId,
        String contactName,
        String accountId,
        String providerAccountCode,
        boolean reconciled) {

    public static final String IN = "IN";
    public static final String OUT = "OUT";

    public EnrichmentSubject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
        if (!IN.equals(direction) && !OUT.equals(direction)) {
            throw new IllegalArgumentException("direction must be IN or OUT, was " + direction);
        }
        if (total.signum() < 0) {
            throw new IllegalArgumentException("total must be unsigned, was " + total);
        }
    }

    /** The subject of a stored transaction, with the provider's account code when it has one. */
    public static EnrichmentSubject of(LedgerTransaction transaction) {
        return new EnrichmentSubject(transaction.providerId(), transaction.type(), transaction.direction().name(),
                transaction.total(), transaction.currency(), transaction.currencyRate(), transaction.description(),
                transaction.reference(), transaction.contactId(), transaction.contactName(),
                transaction.accountId(), transaction.providerAccountCode(), transaction.reconciled());
    }
}
