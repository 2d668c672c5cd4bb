package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.xero.data.DeterministicIds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Purchase #index of a realm from (seed, realm, index). Ids are QBO's small numbers ({@code index + 1}); the
 * last update strictly increases with the index, as for Xero, so a {@code LastUpdatedTime >} filter is a range.
 * Times are shown in the company's zone, US Pacific standard time here.
 */
public final class PurchaseGenerator extends SteppedEntityGenerator<Purchase> {

    public static final Instant FIRST_UPDATED = Instant.parse("2016-01-01T00:00:00Z");
    public static final long UPDATE_STEP_MILLIS = 5 * 60_000L;
    static final ZoneOffset COMPANY_OFFSET = ZoneOffset.ofHours(-8);

    private static final String[] PAYMENT_TYPES = {"Cash", "Check", "CreditCard"};
    private static final String[] VENDORS = {"Books by Bessie", "Brosnahan Insurance Agency", "Cal Telephone",
            "Chin's Gas and Oil", "Cigna Health Care", "Computers by Jenni", "Hicks Hardware", "Lee Advertising",
            "Norton Lumber and Building Materials", "PG&E"};
    private static final String[][] EXPENSE_ACCOUNTS = {{"7", "Advertising"}, {"13", "Meals and Entertainment"},
            {"15", "Office Expenses"}, {"24", "Supplies"}, {"58", "Travel"}, {"59", "Utilities"}};

    public PurchaseGenerator(long seed, String realmId) {
        super(new DeterministicIds(seed, "qbo:" + realmId), UPDATE_STEP_MILLIS);
    }

    @Override
    public Purchase generate(long index) {
        SplittableRandom random = random(index);
        Instant updated = updated(random, index);
        OffsetDateTime lastUpdated = updated.atOffset(COMPANY_OFFSET);
        OffsetDateTime created = lastUpdated.minusMinutes(random.nextInt(60 * 24 * 3));
        String paymentType = PAYMENT_TYPES[random.nextInt(PAYMENT_TYPES.length)];
        Purchase.Ref account = paymentType.equals("CreditCard") ? new Purchase.Ref("42", "Visa")
                : new Purchase.Ref("35", "Checking");
        int vendor = random.nextInt(VENDORS.length);
        List<Purchase.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int lineCount = 1 + random.nextInt(3);
        for (int line = 1; line <= lineCount; line++) {
            String[] expense = EXPENSE_ACCOUNTS[random.nextInt(EXPENSE_ACCOUNTS.length)];
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
            lines.add(new Purchase.Line(Integer.toString(line), amount, expense[1],
                    new Purchase.Ref(expense[0], expense[1])));
            total = total.add(amount);
        }
        return new Purchase(Long.toString(index + 1), "0", created, lastUpdated,
                created.toLocalDate(), "USD", total, paymentType, account,
                new Purchase.Ref(Integer.toString(vendor + 30), VENDORS[vendor]), lines,
                "Sandbox purchase " + (index + 1));
    }
}
