package io.kibly.sandbox.xero.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Produces bank transaction #index of one organisation from nothing but (seed, tenant id, index). Transaction
 * #index was last updated at {@code FIRST_UPDATED + index * UPDATE_STEP} plus less than half a step, so
 * {@code UpdatedDateUTC} strictly increases with the index and the index of the first transaction updated after
 * any instant can be computed.
 */
public final class BankTransactionGenerator {

    public static final Instant FIRST_UPDATED = Instant.parse("2016-01-01T00:00:00Z");
    public static final long UPDATE_STEP_MILLIS = 5 * 60_000L;
    static final BigDecimal TAX_RATE = new BigDecimal("0.20");

    private static final String[] CONTACT_NAMES = {
            "Bayside Club", "Boom FM", "City Agency", "Gable Print", "Hamilton Smith Ltd", "Marine Systems",
            "Petrie McLoud Watson", "Port & Philip Freight", "Rex Media Group", "Ridgeway University",
            "Swanston Security", "Basket Case", "Carlton Functions", "Berry Brew", "DIISR - Small Business Services",
            "Espresso 31", "MCO Cleaning Services", "PowerDirect", "SMART Agency", "Xero"};
    private static final String[] CURRENCIES = {"GBP", "USD", "EUR", "NZD", "AUD"};
    private static final int[] CURRENCY_WEIGHTS = {60, 15, 12, 7, 6};
    private static final String[] RATES_TO_GBP = {"1.000000", "1.270000", "1.170000", "2.080000", "1.930000"};
    private static final String[] INCOME_CODES = {"200", "260", "270"};
    private static final String[] EXPENSE_CODES = {"400", "404", "420", "429", "461", "489"};
    private static final String[] INCOME_DESCRIPTIONS = {"Consulting services", "Monthly retainer", "Product sales",
            "Interest received", "Workshop fees"};
    private static final String[] EXPENSE_DESCRIPTIONS = {"Office supplies", "Travel", "Software subscription",
            "Courier", "Electricity", "Telephone & internet", "Printing & stationery"};

    private final DeterministicIds ids;
    private final List<Contact> contacts = new ArrayList<>();
    private final List<BankAccount> bankAccounts;
    private final long stepMillis;

    public BankTransactionGenerator(long seed, String tenantId) {
        this(seed, tenantId, UPDATE_STEP_MILLIS);
    }

    /** Transactions whose last updates are {@code stepMillis} apart (plus less than half a step of jitter). */
    public BankTransactionGenerator(long seed, String tenantId, long stepMillis) {
        if (stepMillis < 2) {
            throw new IllegalArgumentException("stepMillis must be at least 2");
        }
        this.stepMillis = stepMillis;
        this.ids = new DeterministicIds(seed, tenantId);
        for (int i = 0; i < CONTACT_NAMES.length; i++) {
            contacts.add(new Contact(ids.named("contact", i), CONTACT_NAMES[i]));
        }
        bankAccounts = List.of(
                new BankAccount(ids.named("account", 0), "090", "Business Bank Account"),
                new BankAccount(ids.named("account", 1), "091", "Business Savings Account"),
                new BankAccount(ids.named("account", 2), "092", "Business Credit Card"));
    }

    public DeterministicIds ids() {
        return ids;
    }

    public List<BankAccount> bankAccounts() {
        return bankAccounts;
    }

    public List<Contact> contacts() {
        return List.copyOf(contacts);
    }

    /** The draws below happen in a fixed order: status, type, update jitter first, so the cheap queries agree. */
    public TransactionStatus statusOf(long index) {
        return status(stream(index));
    }

    public TransactionType typeOf(long index) {
        SplittableRandom random = stream(index);
        status(random);
        return type(random);
    }

    public Instant updatedOf(long index) {
        SplittableRandom random = stream(index);
        status(random);
        type(random);
        return updated(random, index);
    }

    /** The smallest index whose transaction was updated strictly after {@code since}. */
    public long firstIndexUpdatedAfter(Instant since) {
        long sinceMillis = since.toEpochMilli() - FIRST_UPDATED.toEpochMilli();
        if (sinceMillis < 0) {
            return 0;
        }
        // updatedOf(i) lies in [i * step, i * step + step / 2), so only index sinceMillis / step can straddle.
        long candidate = sinceMillis / stepMillis;
        return updatedOf(candidate).isAfter(since) ? candidate : candidate + 1;
    }

    public BankTransaction generate(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        SplittableRandom random = stream(index);
        TransactionStatus status = status(random);
        TransactionType type = type(random);
        Instant updated = updated(random, index);
        LocalDate date = LocalDate.ofInstant(updated, ZoneOffset.UTC).minusDays(random.nextInt(4));
        Contact contact = contacts.get(random.nextInt(contacts.size()));
        BankAccount bankAccount = bankAccounts.get(random.nextInt(bankAccounts.size()));
        int currency = weighted(random, CURRENCY_WEIGHTS);
        BigDecimal currencyRate = new BigDecimal(RATES_TO_GBP[currency]);
        if (currency != 0) {
            // Rates move a little from one day to the next.
            currencyRate = currencyRate.multiply(BigDecimal.valueOf(980 + random.nextInt(41), 3))
                    .setScale(6, RoundingMode.HALF_UP);
        }
        LineAmountTypes amountTypes = type.isTransfer() ? LineAmountTypes.NoTax
                : LineAmountTypes.values()[weighted(random, new int[] {60, 25, 15})];

        int lineCount = type.isTransfer() ? 1 : 1 + random.nextInt(3);
        List<LineItem> lines = new ArrayList<>(lineCount);
        BigDecimal subTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal totalTax = BigDecimal.ZERO.setScale(2);
        for (int line = 0; line < lineCount; line++) {
            LineItem item = lineItem(random, index, line, type, amountTypes);
            lines.add(item);
            totalTax = totalTax.add(item.taxAmount());
            subTotal = subTotal.add(amountTypes == LineAmountTypes.Inclusive
                    ? item.lineAmount().subtract(item.taxAmount()) : item.lineAmount());
        }
        boolean reconciled = random.nextInt(100) < 70;
        boolean hasAttachments = random.nextInt(100) < 10;
        String reference = (type.isReceive() ? "INV-" : "PO-") + (10_000 + index);
        UUID prepaymentId = type.isPrepayment() ? ids.named("prepayment", index) : null;
        UUID overpaymentId = type.isOverpayment() ? ids.named("overpayment", index) : null;
        return new BankTransaction(ids.bankTransactionId(index), type, status, contact, bankAccount, lines,
                amountTypes, reconciled, reference, CURRENCIES[currency], currencyRate, subTotal, totalTax,
                subTotal.add(totalTax), date, updated, hasAttachments, prepaymentId, overpaymentId);
    }

    private LineItem lineItem(SplittableRandom random, long index, int line, TransactionType type,
                              LineAmountTypes amountTypes) {
        String[] codes = type.isReceive() ? INCOME_CODES : EXPENSE_CODES;
        String[] descriptions = type.isReceive() ? INCOME_DESCRIPTIONS : EXPENSE_DESCRIPTIONS;
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(5)).setScale(4);
        BigDecimal unitAmount = BigDecimal.valueOf(100 + random.nextInt(99_900), 2);
        BigDecimal lineAmount = quantity.multiply(unitAmount).setScale(2, RoundingMode.HALF_UP);
        BigDecimal tax;
        String taxType;
        switch (amountTypes) {
            case Exclusive -> {
                tax = lineAmount.multiply(TAX_RATE).setScale(2, RoundingMode.HALF_UP);
                taxType = type.isReceive() ? "OUTPUT2" : "INPUT2";
            }
            case Inclusive -> {
                // Tax contained in a gross amount: gross * rate / (1 + rate).
                tax = lineAmount.multiply(TAX_RATE).divide(BigDecimal.ONE.add(TAX_RATE), 2, RoundingMode.HALF_UP);
                taxType = type.isReceive() ? "OUTPUT2" : "INPUT2";
            }
            default -> {
                tax = BigDecimal.ZERO.setScale(2);
                taxType = "NONE";
            }
        }
        int description = random.nextInt(descriptions.length);
        int drawnCode = random.nextInt(codes.length);
        return new LineItem(ids.named("line-item", index * 8 + line), descriptions[description], quantity, unitAmount,
                codes[accountCode(index, line, description, drawnCode, codes.length)], taxType, tax, lineAmount);
    }

    /**
     * Bookkeepers code like things alike: most lines go to the account their description belongs to, the rest
     * anywhere (the learned categoriser's benchmark needs that signal). Decided by a hash of the line, so the
     * random stream, and every other field, stays as it was.
     */
    private static int accountCode(long index, int line, int description, int drawnCode, int codeCount) {
        long mixed = (index * 8 + line) * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 31;
        return Math.floorMod(mixed, 100) < CODED_BY_DESCRIPTION_PERCENT ? description % codeCount : drawnCode;
    }

    /** Lines coded to their description's account. */
    static final int CODED_BY_DESCRIPTION_PERCENT = 85;

    private SplittableRandom stream(long index) {
        return new SplittableRandom(ids.streamSeed(index));
    }

    private static TransactionStatus status(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 90 ? TransactionStatus.AUTHORISED : roll < 95 ? TransactionStatus.DELETED
                : TransactionStatus.VOIDED;
    }

    private static final int[] TYPE_WEIGHTS = {30, 4, 4, 42, 4, 4, 6, 6};

    private static TransactionType type(SplittableRandom random) {
        return TransactionType.values()[weighted(random, TYPE_WEIGHTS)];
    }

    private Instant updated(SplittableRandom random, long index) {
        long jitter = random.nextLong(stepMillis / 2);
        return FIRST_UPDATED.plusMillis(index * stepMillis + jitter);
    }

    public long stepMillis() {
        return stepMillis;
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }
}
