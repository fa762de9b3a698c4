package io.dengta.targets.health;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.dengta.commons.health.UpstreamProbes;
import io.smallrye.health.api.Wellness;

/**
 * The upstreams targets-service reads (indicators-service, schools-service), in the health details at
 * {@code /q/health/well} and {@code /q/health}; always UP: targets-service keeps answering with the last known
 * progress (stale) while an upstream is down, and readiness reflects the database only.
 */
@Wellness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private final UpstreamProbes probes;

    public UpstreamsHealthCheck(@ConfigProperty(name = "quarkus.rest-client.indicators-reads.url") String indicators,
            @ConfigProperty(name = "quarkus.rest-client.schools-api.url") String schools,
            @ConfigProperty(name = "dengta.health.upstream-cache", defaultValue = "PT10S") Duration cache) {
        this.probes = new UpstreamProbes(Map.of("indicators-service", indicators, "schools-service", schools), cache);
    }

    @Override
    public HealthCheckResponse call() {
        return probes.response();
    }
}
