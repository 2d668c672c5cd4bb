package io.kibly.sandbox.xero.data;

import io.kibly.sandbox.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OrganisationLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

    @Test
    void aMillionTransactionsArePagedWithoutBeingHeld() {
        OrganisationLedger ledger = new OrganisationLedger(new BankTransactionGenerator(1, "big"), 1_000_000, clock);
        LedgerSlice lastPage = ledger.query(TransactionFilter.ALL, 999_000, 1_000);
        assertEquals(1_000_000, lastPage.matchingCount());
        assertEquals(1_000, lastPage.transactions().size());
        assertEquals(ledger.generator().generate(999_999), lastPage.transactions().get(999));

        Instant since = ledger.generator().updatedOf(999_499);
        LedgerSlice recent = ledger.query(new TransactionFilter(since, Set.of(), Set.of()), 0, 1_000);
        assertEquals(500, recent.matchingCount());
        assertEquals(ledger.generator().generate(999_500), recent.transactions().get(0));
    }

    @Test
    void changesStampNowAndComeLastWithoutChangingTheCount() {
        OrganisationLedger ledger = new OrganisationLedger(new BankTransactionGenerator(1, "t"), 10, clock);
        UUID third = ledger.generator().generate(2).bankTransactionId();
        BankTransaction deleted = ledger.delete(third);
        assertEquals(TransactionStatus.DELETED, deleted.status());
        assertEquals(clock.instant(), deleted.updatedDateUtc());
        clock.advance(Duration.ofSeconds(1));
        BankTransaction voided = ledger.voidTransaction(ledger.generator().generate(5).bankTransactionId());
        clock.advance(Duration.ofSeconds(1));
        BankTransaction added = ledger.add(ledger.generator().generate(0));

        LedgerSlice all = ledger.query(TransactionFilter.ALL, 0, 100);
        assertEquals(11, all.matchingCount());
        assertEquals(deleted, all.transactions().get(8));
        assertEquals(voided.bankTransactionId(), all.transactions().get(9).bankTransactionId());
        assertEquals(added, all.transactions().get(10));
        assertEquals(deleted, ledger.find(third).orElseThrow());

        LedgerSlice onlyDeleted = ledger.query(new TransactionFilter(null, Set.of(TransactionStatus.DELETED),
                Set.of()), 0, 100);
        assertEquals(deleted, onlyDeleted.transactions().get(onlyDeleted.transactions().size() - 1));

        assertThrows(UnknownTransactionException.class, () -> ledger.delete(UUID.randomUUID()));
        ledger.forgetChanges();
        assertEquals(10, ledger.query(TransactionFilter.ALL, 0, 100).matchingCount());
        assertEquals(ledger.generator().generate(2), ledger.find(third).orElseThrow());
    }
}
