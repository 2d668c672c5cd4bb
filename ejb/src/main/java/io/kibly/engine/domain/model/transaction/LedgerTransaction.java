package io.kibly.engine.domain.model.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One money movement as a provider reported it, in the engine's terms.
 *
 * @param providerId      the provider's id, unique per integration (QuickBooks: {@code Purchase:42}, since ids of
 *                        different entities collide)
 * @param providerVersion orders the versions of one transaction: Xero's UpdatedDateUTC in epoch milliseconds,
 *                        QuickBooks' SyncToken; a stored row is replaced only by a higher one
 * @param updatedAt       when the provider last changed it (drives incremental sync)
 * @param type            the provider's type ({@code SPEND}, {@code RECEIVE-TRANSFER}, {@code Purchase}, ...)
 * @param total           the unsigned total in {@code currency}
 * @param currencyRate    units of {@code currency} per unit of the organisation's base currency as the provider
 *                        gave it; null when the provider gave none (never assumed to be 1)
 * @param reconciled      whether the provider reports it reconciled with the bank statement
 * @param providerAccountCode the account the provider's first line is coded to (Xero's AccountCode, QuickBooks'
 *                        AccountRef of the first line); null when uncoded. The learned categoriser trains on it.
 */
public record LedgerTransaction(
        String providerId,
        long providerVersion,
        Instant updatedAt,
        String type,
        MoneyDirection direction,
        TransactionStatus status,
        LocalDate date,
        BigDecimal total,
        String currency,
        BigDecimal currencyRate,
        String description,
        String reference,
        String contactId,
        String contactName,
        String accountId,
        String accountName,
        boolean reconciled,
        String providerAccountCode) {

    public LedgerTransaction {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(currency, "currency");
    }

    /** The total with its sign: positive for money in, negative for money out. */
    public BigDecimal signedTotal() {
        return direction == MoneyDirection.IN ? total : total.negate();
    }
}
