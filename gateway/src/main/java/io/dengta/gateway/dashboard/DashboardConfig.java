package io.dengta.gateway.dashboard;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code dengta.dashboard.*}: where the composed read models read from, how long each part may take, how long
 * parts are cached and when a service's breaker opens.
 */
@ConfigMapping(prefix = "dengta.dashboard")
public interface DashboardConfig {

    /** The framework a region is scored on. */
    @WithDefault("js-modernization-2013")
    String framework();

    /** How long one part (all its calls) may take before it answers {@code timeout}. */
    @WithDefault("3S")
    Duration partTimeout();

    /** How many gaps the region dashboard shows. */
    @WithDefault("5")
    int topGaps();

    /** How many at-risk targets the region dashboard lists. */
    @WithDefault("20")
    int atRiskLimit();

    /** Base URL of schools-service (defaults to the gateway's route). */
    URI schoolsUrl();

    URI indicatorsUrl();

    URI targetsUrl();

    Cache cache();

    CircuitBreaker circuitBreaker();

    /** {@code dengta.dashboard.cache.*}: parts kept per caller scope. */
    interface Cache {
        /**
         * How long a part's answer is kept and shared by callers with the same roles and scope claims (0: not
         * cached). Concurrent requests for a part not in the cache make one call to the service.
         */
        @WithDefault("30S")
        Duration ttl();

        /** Parts kept at most (least recently used dropped first). */
        @WithDefault("10000")
        long maxEntries();
    }

    /** {@code dengta.dashboard.circuit-breaker.*}: one breaker per service for the dashboards' calls. */
    interface CircuitBreaker {
        /** How many of the last calls the failure ratio is measured over (and the least before it opens). */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls (unreachable, timed out, 5xx, unreadable) that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker answers its parts {@code unavailable} at once before a trial call. */
        @WithDefault("10S")
        Duration delay();
    }
}
