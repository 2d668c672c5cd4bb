package io.kibly.engine.infrastructure.provider.ratelimit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The shared record of provider calls: one short transaction per reservation, serialised per budget key by a
 * transaction-scoped advisory lock, timed by the database's clock so that every server agrees.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ProviderCallLog {

    @PersistenceContext(unitName = "kibly")
    EntityManager em;

    /** A limit: at most {@code calls} in any trailing {@code window}. */
    public record Limit(int calls, Duration window) {
    }

    /**
     * Records a call under {@code key} if every limit allows one now, and returns zero; otherwise records
     * nothing and returns how long until the oldest call that blocks it leaves its window.
     */
    public Duration reserve(String key, Limit... limits) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, key).getSingleResult();
        Duration longest = Duration.ZERO;
        for (Limit limit : limits) {
            longest = limit.window().compareTo(longest) > 0 ? limit.window() : longest;
        }
        em.createNativeQuery("delete from engine.provider_call where budget_key = ?1"
                        + " and called_at < clock_timestamp() - make_interval(secs => ?2)")
                .setParameter(1, key).setParameter(2, (double) longest.toMillis() / 1000).executeUpdate();
        Duration wait = Duration.ZERO;
        for (Limit limit : limits) {
            // the call that must leave the window before another may be made: the limit-th newest
            Object[] row = (Object[]) em.createNativeQuery("select clock_timestamp(), (select called_at from"
                            + " engine.provider_call where budget_key = ?1 and called_at > clock_timestamp()"
                            + " - make_interval(secs => ?2) order by called_at desc offset ?3 - 1 limit 1)")
                    .setParameter(1, key).setParameter(2, (double) limit.window().toMillis() / 1000)
                    .setParameter(3, limit.calls()).getSingleResult();
            if (row[1] != null) {
                Instant now = instant(row[0]);
                Instant leaves = instant(row[1]).plus(limit.window());
                Duration untilFree = Duration.between(now, leaves);
                wait = untilFree.compareTo(wait) > 0 ? untilFree : wait;
            }
        }
        if (!wait.isZero() && !wait.isNegative()) {
            return wait;
        }
        em.createNativeQuery("insert into engine.provider_call (budget_key, called_at) values (?1, clock_timestamp())")
                .setParameter(1, key).executeUpdate();
        return Duration.ZERO;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
