package io.dengta.indicators.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.dengta.indicators.framework.FrameworkService;

/**
 * What scores, gaps and balance read of the catalog (indicators, standards, frameworks and their versions), kept in
 * memory: it changes rarely and every analysis request read it again (four queries of a score's five).
 * <p>
 * Freshness: a catalog write in this process empties the cache when its transaction ends ({@link #changed()}, called
 * by every catalog write), so the writer's next read sees it. A write through another replica is noticed through the
 * change feed: every catalog write records a change of its resource type in the same transaction, and the cache
 * compares the last such sequence number with the one it was filled at, at most once per {@link #RECHECK_NANOS}
 * (a second), so another replica's catalog write shows within about a second.
 * <p>
 * Entries belong to a generation; an invalidation starts a new one, so a reader that loaded the old state before a
 * write committed puts it into the discarded generation, never into the new one.
 */
@ApplicationScoped
public class CatalogCache {

    /** How often the change feed is asked whether another replica changed the catalog. */
    static final long RECHECK_NANOS = 1_000_000_000L;
    static final List<String> TYPES = List.of(IndicatorService.RESOURCE_TYPE, StandardService.RESOURCE_TYPE,
            FrameworkService.RESOURCE_TYPE, FrameworkService.VERSION_RESOURCE_TYPE);
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Generation current = new Generation(UNKNOWN, 0);

    public CatalogCache(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    private static final class Generation {
        final long stamp;
        volatile long checkedAt;
        final Map<Object, Object> entries = new ConcurrentHashMap<>();

        Generation(long stamp, long checkedAt) {
            this.stamp = stamp;
            this.checkedAt = checkedAt;
        }
    }

    /**
     * The cached value of {@code key}, else what {@code loader} answers (kept). The value must be immutable; a loader
     * that throws caches nothing.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> loader) {
        Generation g = generation();
        Object value = g.entries.get(key);
        if (value == null) {
            value = loader.get();
            Object raced = g.entries.putIfAbsent(key, value);
            if (raced != null) {
                value = raced;
            }
        }
        return (T) value;
    }

    /**
     * Called by every catalog write, inside its transaction: the cache is emptied when the transaction ends (committed
     * or not), before the writer answers.
     */
    public void changed() {
        invalidate();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        }
    }

    /** Forgets everything; the next read asks the change feed again. */
    public void invalidate() {
        current = new Generation(UNKNOWN, 0);
    }

    private Generation generation() {
        Generation g = current;
        long now = System.nanoTime();
        if (g.stamp != UNKNOWN && now - g.checkedAt < RECHECK_NANOS) {
            return g;
        }
        long stamp = stamp();
        if (stamp == g.stamp) {
            g.checkedAt = now;
            return g;
        }
        Generation fresh = new Generation(stamp, now);
        // a concurrent invalidation wins: its generation is newer than the stamp read here
        synchronized (this) {
            if (current == g) {
                current = fresh;
                return fresh;
            }
            return current;
        }
    }

    /** The last change-feed sequence of a catalog write (0: none yet); one index lookup per resource type. */
    private long stamp() {
        Object value = em.createNativeQuery("""
                select greatest(coalesce((select max(sequence) from change_log where resource_type = ?1), 0),
                                coalesce((select max(sequence) from change_log where resource_type = ?2), 0),
                                coalesce((select max(sequence) from change_log where resource_type = ?3), 0),
                                coalesce((select max(sequence) from change_log where resource_type = ?4), 0))""")
                .setParameter(1, TYPES.get(0)).setParameter(2, TYPES.get(1)).setParameter(3, TYPES.get(2))
                .setParameter(4, TYPES.get(3)).getSingleResult();
        return ((Number) value).longValue();
    }
}
