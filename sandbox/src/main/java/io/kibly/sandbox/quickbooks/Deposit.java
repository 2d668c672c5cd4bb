package io.kibly.sandbox.quickbooks;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A QBO Deposit (money in, to {@code DepositToAccountRef}), reduced to what the engine reads. */
public record Deposit(String id, String syncToken, OffsetDateTime createTime, OffsetDateTime lastUpdatedTime,
                      LocalDate txnDate, String currency, BigDecimal totalAmt, Purchase.Ref depositToAccount,
                      List<Line> lines, String privateNote) implements QboEntity {

    public Deposit {
        lines = List.copyOf(lines);
    }

    /** {@code customer} may be null. */
    public record Line(String id, BigDecimal amount, String description, Purchase.Ref account,
                       Purchase.Ref customer) {
    }

    public static Deposit stamp(Deposit d, String id, String syncToken, OffsetDateTime created,
                                OffsetDateTime updated) {
        return new Deposit(id, syncToken, created, updated, d.txnDate(), d.currency(), d.totalAmt(),
                d.depositToAccount(), d.lines(), d.privateNote());
    }
}
