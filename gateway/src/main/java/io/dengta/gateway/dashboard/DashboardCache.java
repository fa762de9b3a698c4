package io.dengta.gateway.dashboard;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Dashboard parts kept for {@code dengta.dashboard.cache.ttl} (default 30 s), so a busy dashboard does not make
 * every service recompute scores and statistics on every call.
 * <p>
 * A part is shared only between callers with the same {@link Caller#scope()}: the same roles and the same region
 * and school claims, which is everything the services decide a read on. Another scope, another entry: one caller's
 * data never reaches a caller with a different scope or role. Concurrent requests for a part not yet kept wait for
 * one call to the service (Caffeine's AsyncCache). A failure to reach a service (unavailable, timeout) is not kept:
 * the next request asks again. Each part says when its answer was read ({@code asOf}) and how old it is
 * ({@code age}, seconds).
 * <p>
 * Meters: {@code dengta_dashboard_part_seconds{dashboard,part,status}} (the time a part took to read from the
 * services, cache misses only) and {@code cache_gets_total{cache="dashboard-parts",result}}.
 */
@ApplicationScoped
public class DashboardCache {

    record Key(String dashboard, String part, String args, String scope) {
    }

    private final AsyncCache<Key, Part<?>> cache;
    private final MeterRegistry registry;

    public DashboardCache(DashboardConfig config, MeterRegistry registry) {
        this.registry = registry;
        if (config.cache().ttl().isZero() || config.cache().ttl().isNegative()) {
            this.cache = null;
        } else {
            this.cache = Caffeine.newBuilder()
                    .expireAfterWrite(config.cache().ttl())
                    .maximumSize(config.cache().maxEntries())
                    .recordStats()
                    .buildAsync();
            CaffeineCacheMetrics.monitor(registry, cache.synchronous(), "dashboard-parts");
        }
    }

    /**
     * The part {@code part} of {@code dashboard} for {@code args} (what the part is of, e.g. region and year) as the
     * caller's scope sees it: kept, or read with {@code load}.
     */
    @SuppressWarnings("unchecked")
    <T> Uni<Part<T>> get(String dashboard, String part, String args, Caller caller, Supplier<Uni<Part<T>>> load) {
        Context context = Vertx.currentContext();
        CompletableFuture<Part<?>> shared;
        if (cache == null) {
            shared = timed(dashboard, part, load);
        } else {
            Key key = new Key(dashboard, part, args, caller.scope());
            shared = cache.get(key, (k, executor) -> timed(dashboard, part, load));
            CompletableFuture<Part<?>> kept = shared;
            kept.thenAccept(p -> {
                if (!p.cacheable()) {
                    // only this very entry: a newer one (read since) stays
                    cache.asMap().remove(key, kept);
                }
            });
        }
        // a copy per caller: one caller giving up never cancels the read the others wait for
        Uni<Part<T>> answer = Uni.createFrom().completionStage(shared.thenApply(p -> ((Part<T>) p).at(Instant.now())));
        // go on on the caller's own context, not the one of the request that read the part
        return context == null ? answer : answer.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    /** Forgets every kept part (tests; an operator after a correction that must show at once). */
    public void invalidateAll() {
        if (cache != null) {
            cache.synchronous().invalidateAll();
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private <T> CompletableFuture<Part<?>> timed(String dashboard, String part, Supplier<Uni<Part<T>>> load) {
        long start = System.nanoTime();
        return (CompletableFuture) load.get()
                .invoke(p -> Timer.builder("dengta.dashboard.part")
                        .description("Time a dashboard part took to read from the services (cache misses), by outcome")
                        .tag("dashboard", dashboard).tag("part", part).tag("status", p.status())
                        .register(registry).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS))
                .subscribeAsCompletionStage();
    }
}
