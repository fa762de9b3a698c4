package io.dengta.schools.statistics;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.dengta.commons.health.UpstreamProbes;
import io.smallrye.health.api.Wellness;

/**
 * indicators-service, where statistics are published, in the health details at {@code /q/health/well}; always UP:
 * while it is down only publishing answers 503, everything else of the registry works.
 */
@Wellness
@ApplicationScoped
public class IndicatorsHealthCheck implements HealthCheck {

    private final UpstreamProbes probes;

    public IndicatorsHealthCheck(@ConfigProperty(name = "quarkus.rest-client.indicators-api.url") String indicators,
            @ConfigProperty(name = "dengta.health.upstream-cache", defaultValue = "PT10S") Duration cache) {
        this.probes = new UpstreamProbes(Map.of("indicators-service", indicators), cache);
    }

    @Override
    public HealthCheckResponse call() {
        return probes.response();
    }
}
