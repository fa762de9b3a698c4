package io.dengta.gateway.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.dengta.gateway.routing.GatewayConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (bucket4j) per caller and request class: a caller may make {@code rate-limit} requests of a
 * class per {@code rate-period}; the allowance refills at the end of each period. Buckets live in this
 * gateway instance's memory (bounded, least recently used dropped), so with n instances behind a load
 * balancer a caller gets up to n times the limit.
 */
@ApplicationScoped
public class RateLimiter {

    private final Map<RequestClass, GatewayConfig.RequestClassLimits> limits = new EnumMap<>(RequestClass.class);
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        limits.put(RequestClass.READS, config.reads());
        limits.put(RequestClass.WRITES, config.writes());
        limits.put(RequestClass.IMPORTS, config.imports());
        Duration longest = limits.values().stream().map(GatewayConfig.RequestClassLimits::ratePeriod)
                .max(Duration::compareTo).orElse(Duration.ofMinutes(1));
        // a bucket unused for a whole period is full again: dropping it loses nothing
        this.buckets = Caffeine.newBuilder().maximumSize(config.rateLimit().maxClients())
                .expireAfterAccess(longest).build();
    }

    /** Takes one request from the caller's allowance for the class. */
    public Decision consume(String callerKey, RequestClass requestClass) {
        GatewayConfig.RequestClassLimits limit = limits.get(requestClass);
        Bucket bucket = buckets.get(requestClass.ordinal() + "|" + callerKey, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.rateLimit())
                        .refillIntervally(limit.rateLimit(), limit.ratePeriod()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), limit.rateLimit(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), seconds(probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * The outcome, with what the {@code RateLimit-*} headers say: the limit, what is left, the seconds until
     * the allowance is full again, and for a refused request the seconds until one more is allowed.
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }
}
