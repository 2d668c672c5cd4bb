package io.kibly.sandbox.xero.data;

import java.math.BigDecimal;
import java.util.UUID;

/** One line; {@code lineAmount} includes the tax when the transaction's amounts are {@code Inclusive}. */
public record LineItem(UUID lineItemId, String description, BigDecimal quantity, BigDecimal unitAmount,
                       String accountCode, String taxType, BigDecimal taxAmount, BigDecimal lineAmount) {
}
