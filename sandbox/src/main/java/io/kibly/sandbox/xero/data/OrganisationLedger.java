package io.kibly.sandbox.xero.data;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All bank transactions of one organisation: the generated ones #0 .. #count-1 and, on top, the overlay of
 * transactions added or changed through the admin API. Every change stamps {@code UpdatedDateUTC} with "now",
 * which moves the transaction to the end of the natural order, as in Xero.
 */
public final class OrganisationLedger {

    static final Comparator<BankTransaction> NATURAL_ORDER = Comparator
            .comparing(BankTransaction::updatedDateUtc)
            .thenComparing(BankTransaction::bankTransactionId);

    private final BankTransactionGenerator generator;
    private final Clock clock;
    private volatile long count;
    private final Map<UUID, BankTransaction> overlay = new ConcurrentHashMap<>();
    private final Set<Long> overriddenIndices = ConcurrentHashMap.newKeySet();
    private final AtomicLong added = new AtomicLong();

    public OrganisationLedger(BankTransactionGenerator generator, long count, Clock clock) {
        this.generator = generator;
        this.count = count;
        this.clock = clock;
    }

    public BankTransactionGenerator generator() {
        return generator;
    }

    public long count() {
        return count;
    }

    public void changeCount(long newCount) {
        if (newCount < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        this.count = newCount;
    }

    public Optional<BankTransaction> find(UUID id) {
        BankTransaction changed = overlay.get(id);
        if (changed != null) {
            return Optional.of(changed);
        }
        OptionalLong index = generator.ids().indexOf(id, count);
        return index.isPresent() ? Optional.of(generator.generate(index.getAsLong())) : Optional.empty();
    }

    /** Adds a transaction with a new id; the draft's id and update date are ignored. */
    public synchronized BankTransaction add(BankTransaction draft) {
        UUID id = generator.ids().named("added", added.getAndIncrement());
        BankTransaction transaction = draft.withIdAndUpdated(id, now());
        overlay.put(id, transaction);
        return transaction;
    }

    /** Replaces a transaction's content, keeping its id. */
    public synchronized BankTransaction replace(UUID id, BankTransaction draft) {
        requireExisting(id);
        return store(draft.withIdAndUpdated(id, now()));
    }

    public synchronized BankTransaction delete(UUID id) {
        return store(requireExisting(id).withStatus(TransactionStatus.DELETED, now()));
    }

    public synchronized BankTransaction voidTransaction(UUID id) {
        return store(requireExisting(id).withStatus(TransactionStatus.VOIDED, now()));
    }

    public synchronized void forgetChanges() {
        overlay.clear();
        overriddenIndices.clear();
        added.set(0);
    }

    public int changedCount() {
        return overlay.size();
    }

    /**
     * The transactions matching {@code filter} at positions {@code offset .. offset+limit-1} of the natural order
     * (UpdatedDateUTC ascending, then id). Only the returned transactions are generated; the others are only
     * counted, which for a filter on status or type means computing those two fields of each.
     */
    public LedgerSlice query(TransactionFilter filter, long offset, int limit) {
        List<BankTransaction> changed = overlay.values().stream()
                .filter(filter::matches)
                .sorted(NATURAL_ORDER)
                .toList();
        long total = count;
        List<BankTransaction> rows = new ArrayList<>(Math.min(limit, 1_000));
        long position = 0;
        int nextChanged = 0;
        long changedBoundary = boundaryOf(changed, nextChanged);
        long start = filter.modifiedAfter() == null ? 0 : generator.firstIndexUpdatedAfter(filter.modifiedAfter());
        for (long index = start; index < total; index++) {
            while (index >= changedBoundary) {
                if (position >= offset && rows.size() < limit) {
                    rows.add(changed.get(nextChanged));
                }
                position++;
                changedBoundary = boundaryOf(changed, ++nextChanged);
            }
            if (overriddenIndices.contains(index)
                    || (filter.looksAtContent() && !filter.matchesContentOf(generator, index))) {
                continue;
            }
            if (position >= offset && rows.size() < limit) {
                rows.add(generator.generate(index));
            }
            position++;
            if (!filter.looksAtContent() && rows.size() == limit) {
                // Without a content filter the rest can be counted instead of walked.
                long restOfGenerated = total - index - 1 - overriddenBetween(index + 1, total);
                return new LedgerSlice(rows, position + restOfGenerated + (changed.size() - nextChanged));
            }
        }
        for (; nextChanged < changed.size(); nextChanged++) {
            if (position >= offset && rows.size() < limit) {
                rows.add(changed.get(nextChanged));
            }
            position++;
        }
        return new LedgerSlice(rows, position);
    }

    /** The first generated index that comes after the changed transaction at {@code position} in the order. */
    private long boundaryOf(List<BankTransaction> changed, int position) {
        return position < changed.size()
                ? generator.firstIndexUpdatedAfter(changed.get(position).updatedDateUtc())
                : Long.MAX_VALUE;
    }

    private long overriddenBetween(long fromInclusive, long toExclusive) {
        return overriddenIndices.stream().filter(i -> i >= fromInclusive && i < toExclusive).count();
    }

    private BankTransaction requireExisting(UUID id) {
        return find(id).orElseThrow(() -> new UnknownTransactionException(id));
    }

    private BankTransaction store(BankTransaction transaction) {
        generator.ids().indexOf(transaction.bankTransactionId(), count).ifPresent(overriddenIndices::add);
        overlay.put(transaction.bankTransactionId(), transaction);
        return transaction;
    }

    private Instant now() {
        return clock.instant();
    }
}
