package io.kibly.sandbox.xero.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A Xero bank transaction as the API shows it. {@code prepaymentId} and {@code overpaymentId} are set only for
 * the prepayment and overpayment types.
 */
public record BankTransaction(UUID bankTransactionId,
                              TransactionType type,
                              TransactionStatus status,
                              Contact contact,
                              BankAccount bankAccount,
                              List<LineItem> lineItems,
                              LineAmountTypes lineAmountTypes,
                              boolean reconciled,
                              String reference,
                              String currencyCode,
                              BigDecimal currencyRate,
                              BigDecimal subTotal,
                              BigDecimal totalTax,
                              BigDecimal total,
                              LocalDate date,
                              Instant updatedDateUtc,
                              boolean hasAttachments,
                              UUID prepaymentId,
                              UUID overpaymentId) {

    public BankTransaction {
        Objects.requireNonNull(bankTransactionId, "bankTransactionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedDateUtc, "updatedDateUtc");
        lineItems = List.copyOf(lineItems);
    }

    public BankTransaction withStatus(TransactionStatus newStatus, Instant updated) {
        return new BankTransaction(bankTransactionId, type, newStatus, contact, bankAccount, lineItems,
                lineAmountTypes, reconciled, reference, currencyCode, currencyRate, subTotal, totalTax, total, date,
                updated, hasAttachments, prepaymentId, overpaymentId);
    }

    public BankTransaction withIdAndUpdated(UUID id, Instant updated) {
        return new BankTransaction(id, type, status, contact, bankAccount, lineItems, lineAmountTypes, reconciled,
                reference, currencyCode, currencyRate, subTotal, totalTax, total, date, updated, hasAttachments,
                prepaymentId, overpaymentId);
    }
}
