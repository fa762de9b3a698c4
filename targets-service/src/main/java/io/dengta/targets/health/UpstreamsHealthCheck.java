package io.dengta.targets.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * The upstreams targets-service reads (indicators-service, schools-service), in the health details at
 * {@code /q/health/well} and {@code /q/health}: {@code up} (its readiness answers UP), {@code degraded} (it answers but
 * is not ready) or {@code down} (no answer). Always UP itself: targets-service keeps answering with the last known
 * progress (stale) while an upstream is down, so an upstream must never fail this pod's liveness or readiness
 * (readiness reflects the database only). Each upstream is asked at most once per {@code dengta.health.upstream-cache}.
 */
@Wellness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private record Seen(String state, String detail, Instant at) {
    }

    private final Map<String, String> upstreams = new LinkedHashMap<>();
    private final Duration cache;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public UpstreamsHealthCheck(@ConfigProperty(name = "quarkus.rest-client.indicators-reads.url") String indicators,
            @ConfigProperty(name = "quarkus.rest-client.schools-api.url") String schools,
            @ConfigProperty(name = "dengta.health.upstream-cache", defaultValue = "PT10S") Duration cache) {
        upstreams.put("indicators-service", indicators);
        upstreams.put("schools-service", schools);
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        upstreams.forEach((name, url) -> {
            Seen s = seen.compute(name, (k, last) -> last != null && last.at().plus(cache).isAfter(Instant.now()) ? last : probe(url));
            response.withData(name, s.state());
            response.withData(name + ".detail", s.detail());
        });
        return response.build();
    }

    private Seen probe(String baseUrl) {
        String url = baseUrl.replaceAll("/+$", "") + "/q/health/ready";
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? new Seen("up", url + " answered 200", Instant.now())
                    : new Seen("degraded", url + " answered " + answer.statusCode(), Instant.now());
        } catch (java.io.IOException e) {
            return new Seen("down", url + " did not answer", Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Seen("down", url + " was not asked (interrupted)", Instant.now());
        }
    }
}
