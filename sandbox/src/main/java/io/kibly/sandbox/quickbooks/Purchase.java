package io.kibly.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A QBO Purchase (money out: Cash, Check or CreditCard), reduced to what the engine reads. */
public record Purchase(String id, String syncToken, OffsetDateTime createTime, OffsetDateTime lastUpdatedTime,
                       LocalDate txnDate, String currency, BigDecimal totalAmt, String paymentType,
                       Ref account, Ref vendor, List<Line> lines, String privateNote) implements QboEntity {

    public static Purchase stamp(Purchase p, String id, String syncToken, OffsetDateTime created,
                                 OffsetDateTime updated) {
        return new Purchase(id, syncToken, created, updated, p.txnDate(), p.currency(), p.totalAmt(),
                p.paymentType(), p.account(), p.vendor(), p.lines(), p.privateNote());
    }

    public record Ref(String value, String name) {
    }

    public record Line(String id, BigDecimal amount, String description, Ref expenseAccount) {
    }
}
