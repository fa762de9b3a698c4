package io.dengta.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's configuration (docs/security.md lists every property):
 * {@code dengta.gateway.routes.<name>.*} the services behind it, {@code dengta.gateway.<reads|writes|imports>.*}
 * body size and rate limits per request class, {@code dengta.gateway.rate-limit.*}, {@code dengta.gateway.hsts}.
 */
@ConfigMapping(prefix = "dengta.gateway")
public interface GatewayConfig {

    Map<String, Route> routes();

    /** Reads: GET, HEAD, OPTIONS. */
    RequestClassLimits reads();

    /** Writes: POST, PUT, PATCH, DELETE that are not imports. */
    RequestClassLimits writes();

    /** Imports: POST or PUT to a path matching {@link #importPathPattern()}. */
    RequestClassLimits imports();

    /** Paths whose POST/PUT is a bulk import (a Java regular expression over the whole path). */
    @WithDefault("/[a-z-]+/v1/imports(/.*)?")
    String importPathPattern();

    RateLimit rateLimit();

    TokenCache tokenCache();

    /**
     * Strict-Transport-Security value sent on answers to https requests (behind a TLS-terminating load
     * balancer, trust it with quarkus.http.proxy.* so the request's scheme is https).
     */
    @WithDefault("max-age=31536000; includeSubDomains")
    String hsts();

    interface Route {
        /** Path prefix the route serves, e.g. {@code /schools/v1}. */
        String prefix();

        /** Base URL of the service. */
        URI url();

        /** How long the service may take to start answering. */
        Duration timeout();

        /** Extra connection attempts for GET and HEAD when the service cannot be reached (never for writes). */
        @WithDefault("2")
        int readRetries();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** How many of the last calls the failure ratio is measured over (and the least before it opens). */
        @WithDefault("10")
        int requestVolume();

        /** Share of failed calls (unreachable, timed out, invalid answer) that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker answers 503 at once before it lets a trial call through. */
        @WithDefault("10S")
        Duration delay();
    }

    interface RequestClassLimits {
        /** Largest request body, counted on the stream as it passes (413 problem beyond). */
        MemorySize maxBodySize();

        /** Requests a client may make in this class per {@link #ratePeriod()}. */
        long rateLimit();

        /** The period after which a client's allowance is refilled. */
        Duration ratePeriod();
    }

    /** {@code dengta.gateway.token-cache.*}: verified tokens kept until they expire (io.dengta.gateway.edge.VerifiedTokens). */
    interface TokenCache {
        /** Longest a verified token is trusted without verifying it again (never past its exp); 0 turns the cache off. */
        @WithDefault("60S")
        Duration maxAge();

        /** Tokens kept at most (least recently used dropped first). */
        @WithDefault("10000")
        long maxSize();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Clients whose buckets are kept in memory at once (least recently seen are dropped first). */
        @WithDefault("100000")
        long maxClients();

        /** Path prefixes that are never limited (probes and metrics scrapes). */
        @WithDefault("/q/health,/q/metrics")
        Optional<java.util.List<String>> exemptPaths();
    }
}
