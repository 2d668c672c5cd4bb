package io.kibly.sandbox.xero.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BankTransactionGeneratorTest {

    private static final String TENANT = "8ab04ad3-1f4c-4b8a-9d21-5c34c0f6a001";

    private final BankTransactionGenerator generator = new BankTransactionGenerator(42, TENANT);

    @Test
    void sameSeedOrganisationAndIndexGiveTheSameTransaction() {
        BankTransaction once = generator.generate(12_345);
        BankTransaction again = new BankTransactionGenerator(42, TENANT).generate(12_345);
        assertEquals(once, again);
    }

    @Test
    void anotherSeedOrOrganisationGivesOtherData() {
        assertNotEquals(generator.generate(7).bankTransactionId(),
                new BankTransactionGenerator(43, TENANT).generate(7).bankTransactionId());
        assertNotEquals(generator.generate(7).bankTransactionId(),
                new BankTransactionGenerator(42, "other-tenant").generate(7).bankTransactionId());
    }

    @Test
    void everyIndexHasItsOwnIdAndTheIdLeadsBackToTheIndex() {
        Set<UUID> ids = new HashSet<>();
        for (long index = 0; index < 5_000; index++) {
            UUID id = generator.generate(index).bankTransactionId();
            assertTrue(ids.add(id), "duplicate id at " + index);
            assertEquals(4, id.version());
            assertEquals(index, generator.ids().indexOf(id, 5_000).orElseThrow());
        }
        assertTrue(generator.ids().indexOf(UUID.randomUUID(), 5_000).isEmpty());
        assertTrue(generator.ids().indexOf(generator.generate(4_999).bankTransactionId(), 4_999).isEmpty());
    }

    @Test
    void amountsAddUpToTwoDecimals() {
        for (long index = 0; index < 2_000; index++) {
            BankTransaction t = generator.generate(index);
            BigDecimal lines = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            for (LineItem line : t.lineItems()) {
                assertEquals(line.quantity().multiply(line.unitAmount()).setScale(2), line.lineAmount());
                lines = lines.add(line.lineAmount());
                tax = tax.add(line.taxAmount());
            }
            assertEquals(tax, t.totalTax());
            assertEquals(t.total(), t.subTotal().add(t.totalTax()));
            assertEquals(t.lineAmountTypes() == LineAmountTypes.Inclusive ? lines : lines.add(tax), t.total());
            assertEquals(2, t.total().scale());
            assertEquals(2, t.subTotal().scale());
            if (t.lineAmountTypes() == LineAmountTypes.NoTax) {
                assertEquals(new BigDecimal("0.00"), t.totalTax());
            }
        }
    }

    @Test
    void allTypesStatusesAndCurrenciesOccur() {
        Set<TransactionType> types = EnumSet.noneOf(TransactionType.class);
        Set<TransactionStatus> statuses = EnumSet.noneOf(TransactionStatus.class);
        Set<String> currencies = new HashSet<>();
        int authorised = 0;
        for (long index = 0; index < 2_000; index++) {
            BankTransaction t = generator.generate(index);
            types.add(t.type());
            statuses.add(t.status());
            currencies.add(t.currencyCode());
            authorised += t.status() == TransactionStatus.AUTHORISED ? 1 : 0;
            assertEquals(t.status(), generator.statusOf(index));
            assertEquals(t.type(), generator.typeOf(index));
            assertEquals(t.type().isPrepayment(), t.prepaymentId() != null);
            assertEquals(t.type().isOverpayment(), t.overpaymentId() != null);
        }
        assertEquals(EnumSet.allOf(TransactionType.class), types);
        assertEquals(EnumSet.allOf(TransactionStatus.class), statuses);
        assertEquals(Set.of("GBP", "USD", "EUR", "NZD", "AUD"), currencies);
        assertTrue(authorised > 1_700 && authorised < 1_900, "mostly AUTHORISED: " + authorised);
    }

    @Test
    void updatedDateStrictlyIncreasesWithTheIndex() {
        assertEquals(Instant.parse("2016-01-01T00:00:00Z"), BankTransactionGenerator.FIRST_UPDATED);
        Instant previous = Instant.MIN;
        for (long index = 0; index < 2_000; index++) {
            Instant updated = generator.generate(index).updatedDateUtc();
            assertTrue(updated.isAfter(previous));
            assertEquals(updated, generator.updatedOf(index));
            previous = updated;
        }
    }

    @Test
    void findsTheFirstIndexUpdatedAfterAnInstant() {
        for (long index = 1; index < 500; index++) {
            Instant updated = generator.updatedOf(index);
            assertEquals(index + 1, generator.firstIndexUpdatedAfter(updated));
            assertEquals(index, generator.firstIndexUpdatedAfter(updated.minusMillis(1)));
        }
        assertEquals(0, generator.firstIndexUpdatedAfter(Instant.parse("2001-01-01T00:00:00Z")));
    }

    @Test
    void microsoftDatesCarryEpochMillis() {
        assertEquals("/Date(1476316800000+0000)/",
                MicrosoftJsonDate.withOffset(java.time.LocalDate.parse("2016-10-13")));
        assertEquals(Instant.ofEpochMilli(1476389616437L), MicrosoftJsonDate.parse("/Date(1476389616437+0000)/"));
        assertEquals(Instant.ofEpochMilli(1551212901659L), MicrosoftJsonDate.parse("/Date(1551212901659)/"));
    }
}
