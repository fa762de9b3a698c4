package io.dengta.gateway.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.dengta.gateway.routing.GatewayConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * The services behind the gateway, in {@code /q/health/well} (and {@code /q/health}): per route {@code up} (its
 * readiness answers 2xx), {@code down}, or {@code open-circuit} (a circuit breaker of the gateway's calls to it is
 * open). The check itself is always UP: a service being down degrades the gateway's answers (503 problems,
 * unavailable dashboard parts) but must not make Kubernetes restart the gateway or take it out of the load balancer,
 * so it is neither a liveness nor a readiness check.
 */
@Wellness
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    static final long PROBE_TIMEOUT_MS = 1000;

    private final GatewayConfig config;
    private final CircuitBreakerMeters breakers;
    private final HttpClient client;

    public UpstreamsHealthCheck(GatewayConfig config, CircuitBreakerMeters breakers, Vertx vertx) {
        this.config = config;
        this.breakers = breakers;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) PROBE_TIMEOUT_MS).setMaxPoolSize(4));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, String>>> probes = new ArrayList<>();
        config.routes().forEach((name, route) -> probes.add(status(name, route)));
        return Uni.join().all(probes).andFailFast().map(statuses -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
            Map<String, String> sorted = new TreeMap<>();
            statuses.forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sorted.forEach(response::withData);
            return response.build();
        });
    }

    private Uni<Map.Entry<String, String>> status(String name, GatewayConfig.Route route) {
        boolean open = breakers.breakers().stream()
                .filter(b -> b.upstream().equals(name))
                .anyMatch(b -> breakers.state(b) == CircuitBreakerState.OPEN);
        if (open) {
            return Uni.createFrom().item(Map.entry(name, "open-circuit"));
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(route.url().resolve("/q/health/ready").toString())
                .setTimeout(PROBE_TIMEOUT_MS);
        return Uni.createFrom().completionStage(() -> client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .toCompletionStage())
                .map(code -> code >= 200 && code < 300 ? "up" : "down")
                .onFailure().recoverWithItem("down")
                .map(status -> Map.entry(name, status));
    }
}
