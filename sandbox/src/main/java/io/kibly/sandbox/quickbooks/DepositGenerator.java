package io.kibly.sandbox.quickbooks;

import io.kibly.sandbox.xero.data.DeterministicIds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deposit #index of a realm from (seed, realm, index), like {@link PurchaseGenerator} but one every 25 minutes,
 * so the default 20,000 deposits span the same year as the 100,000 purchases.
 */
public final class DepositGenerator extends SteppedEntityGenerator<Deposit> {

    public static final long UPDATE_STEP_MILLIS = 25 * 60_000L;

    private static final String[] CUSTOMERS = {"Amy's Bird Sanctuary", "Bill's Windsurf Shop", "Cool Cars",
            "Diego Rodriguez", "Dukes Basketball Camp", "Freeman Sporting Goods", "Jeff's Jalopies",
            "Kookies by Kathy", "Red Rock Diner", "Sushi by Katsuyuki"};
    private static final String[][] INCOME_ACCOUNTS = {{"79", "Sales of Product Income"},
            {"1", "Services"}, {"82", "Other Income"}, {"4", "Undeposited Funds"}};

    public DepositGenerator(long seed, String realmId) {
        super(new DeterministicIds(seed, "qbo-deposit:" + realmId), UPDATE_STEP_MILLIS);
    }

    @Override
    public Deposit generate(long index) {
        SplittableRandom random = random(index);
        OffsetDateTime lastUpdated = updated(random, index).atOffset(PurchaseGenerator.COMPANY_OFFSET);
        OffsetDateTime created = lastUpdated.minusMinutes(random.nextInt(60 * 24 * 3));
        Purchase.Ref toAccount = random.nextInt(4) == 0 ? new Purchase.Ref("36", "Savings")
                : new Purchase.Ref("35", "Checking");
        List<Deposit.Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        int lineCount = 1 + random.nextInt(3);
        for (int line = 1; line <= lineCount; line++) {
            String[] income = INCOME_ACCOUNTS[random.nextInt(INCOME_ACCOUNTS.length)];
            int customer = random.nextInt(CUSTOMERS.length);
            BigDecimal amount = BigDecimal.valueOf(500 + random.nextInt(499_500), 2);
            lines.add(new Deposit.Line(Integer.toString(line), amount, "Payment from " + CUSTOMERS[customer],
                    new Purchase.Ref(income[0], income[1]),
                    new Purchase.Ref(Integer.toString(customer + 1), CUSTOMERS[customer])));
            total = total.add(amount);
        }
        return new Deposit(Long.toString(index + 1), "0", created, lastUpdated, created.toLocalDate(), "USD",
                total, toAccount, lines, "Sandbox deposit " + (index + 1));
    }
}
