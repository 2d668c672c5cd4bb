package io.kibly.sandbox.quickbooks;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One entity type of one realm: generated entities #0 .. #count-1 (Ids 1 .. count) and, on top, those added,
 * edited or deleted through the admin API. An edit bumps SyncToken and stamps LastUpdatedTime with now (whole
 * seconds, in the company's offset), which moves the entity to the end of the LastUpdatedTime order.
 */
public final class EntityLedger<T extends QboEntity> {

    private static final Comparator<QboEntity> ORDER = Comparator
            .comparing((QboEntity e) -> e.lastUpdatedTime().toInstant())
            .thenComparingLong(e -> Long.parseLong(e.id()));

    private final String entityName;
    private final EntityGenerator<T> generator;
    private final EntityStamp<T> stamp;
    private final long count;
    private final Clock clock;
    private final Map<String, T> changed = new ConcurrentHashMap<>();
    private final Map<String, Deletion> deleted = new ConcurrentHashMap<>();
    private final Set<Long> overriddenIndices = ConcurrentHashMap.newKeySet();
    private final AtomicLong added = new AtomicLong();

    public EntityLedger(String entityName, EntityGenerator<T> generator, EntityStamp<T> stamp, long count,
                        Clock clock) {
        this.entityName = entityName;
        this.generator = generator;
        this.stamp = stamp;
        this.count = count;
        this.clock = clock;
    }

    public String entityName() {
        return entityName;
    }

    public Optional<T> find(String id) {
        if (deleted.containsKey(id)) {
            return Optional.empty();
        }
        T edited = changed.get(id);
        if (edited != null) {
            return Optional.of(edited);
        }
        long index = generatedIndexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(generator.generate(index));
    }

    /** Stores the draft as a new entity: the next Id after the generated ones, SyncToken 0. */
    public synchronized T add(T draft) {
        OffsetDateTime now = now();
        String id = Long.toString(count + 1 + added.getAndIncrement());
        T entity = stamp.stamp(draft, id, "0", now, now);
        changed.put(id, entity);
        return entity;
    }

    /** Replaces the content of a live entity, keeping Id and CreateTime, SyncToken + 1. */
    public synchronized T replace(String id, T draft) {
        T existing = require(id);
        T entity = stamp.stamp(draft, id, Long.toString(Long.parseLong(existing.syncToken()) + 1),
                existing.createTime(), now());
        remember(id, entity);
        return entity;
    }

    public synchronized Deletion delete(String id) {
        require(id);
        Deletion deletion = new Deletion(id, now().toInstant());
        changed.remove(id);
        long index = generatedIndexOf(id);
        if (index >= 0) {
            overriddenIndices.add(index);
        }
        deleted.put(id, deletion);
        return deletion;
    }

    public synchronized void forgetChanges() {
        changed.clear();
        deleted.clear();
        overriddenIndices.clear();
        added.set(0);
    }

    /**
     * Live entities updated strictly after {@code after} (all when null), at positions {@code offset ..
     * offset+limit-1} of the LastUpdatedTime order. Generated entities are only generated when returned.
     */
    public List<T> list(Instant after, long offset, int limit) {
        List<T> edits = changed.values().stream()
                .filter(e -> after == null || e.lastUpdatedTime().toInstant().isAfter(after))
                .sorted(ORDER)
                .toList();
        long index = after == null ? 0 : generator.firstIndexUpdatedAfter(after);
        List<T> rows = new ArrayList<>(Math.min(limit, 1_000));
        if (edits.isEmpty() && overriddenIndices.isEmpty()) {
            for (long i = index + offset; i < count && rows.size() < limit; i++) {
                rows.add(generator.generate(i));
            }
            return rows;
        }
        int nextEdit = 0;
        long position = 0;
        while (rows.size() < limit) {
            while (index < count && overriddenIndices.contains(index)) {
                index++;
            }
            boolean generatedLeft = index < count;
            boolean editsLeft = nextEdit < edits.size();
            if (!generatedLeft && !editsLeft) {
                break;
            }
            boolean takeEdit = editsLeft && (!generatedLeft
                    || edits.get(nextEdit).lastUpdatedTime().toInstant().isBefore(generator.updatedOf(index)));
            if (position++ >= offset) {
                rows.add(takeEdit ? edits.get(nextEdit) : generator.generate(index));
            }
            if (takeEdit) {
                nextEdit++;
            } else {
                index++;
            }
        }
        return rows;
    }

    /** Entities deleted strictly after {@code after}, oldest first. */
    public List<Deletion> deletedAfter(Instant after) {
        return deleted.values().stream()
                .filter(d -> d.deletedAt().isAfter(after))
                .sorted(Comparator.comparing(Deletion::deletedAt).thenComparingLong(d -> Long.parseLong(d.id())))
                .toList();
    }

    private T require(String id) {
        return find(id).orElseThrow(() -> new UnknownEntityException(entityName, id));
    }

    private void remember(String id, T entity) {
        long index = generatedIndexOf(id);
        if (index >= 0) {
            overriddenIndices.add(index);
        }
        changed.put(id, entity);
    }

    /** The generator index of a generated entity's Id, or -1. */
    private long generatedIndexOf(String id) {
        try {
            long number = Long.parseLong(id);
            return number >= 1 && number <= count ? number - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(PurchaseGenerator.COMPANY_OFFSET);
    }
}
