package io.dengta.gateway.observability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.dengta.gateway.dashboard.Upstreams;
import io.dengta.gateway.routing.GatewayConfig;
import io.dengta.gateway.routing.ServiceProxy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * {@code dengta_circuit_breaker_state{upstream,breaker,state}}: 1 for the state each circuit breaker is in, 0 for
 * the others (state closed, open or half-open). {@code breaker} is {@code route} (the proxy's calls to the service)
 * or {@code dashboard} (the dashboards' calls); {@code upstream} is the route's name ({@code schools},
 * {@code indicators}, {@code targets}). Alert on {@code dengta_circuit_breaker_state{state="open"} == 1}.
 */
@Singleton
public class CircuitBreakerMeters {

    /** One circuit breaker: its upstream, which calls it guards, its SmallRye name. */
    public record Breaker(String upstream, String kind, String name) {
    }

    private final CircuitBreakerMaintenance maintenance;
    private final List<Breaker> breakers = new ArrayList<>();

    public CircuitBreakerMeters(CircuitBreakerMaintenance maintenance, GatewayConfig config) {
        this.maintenance = maintenance;
        config.routes().keySet().stream().sorted()
                .forEach(route -> breakers.add(new Breaker(route, "route", ServiceProxy.breakerName(route))));
        for (Upstreams.Service service : Upstreams.Service.values()) {
            breakers.add(new Breaker(service.routeName(), "dashboard", Upstreams.breakerName(service)));
        }
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        for (Breaker breaker : breakers) {
            for (CircuitBreakerState state : CircuitBreakerState.values()) {
                Gauge.builder("dengta.circuit.breaker.state", () -> state(breaker) == state ? 1 : 0)
                        .description("1 for the state the circuit breaker is in (closed, open, half-open), else 0")
                        .tag("upstream", breaker.upstream()).tag("breaker", breaker.kind())
                        .tag("state", label(state))
                        .register(registry);
            }
        }
    }

    public List<Breaker> breakers() {
        return breakers;
    }

    /** The breaker's state; closed while it has not been used (SmallRye knows a breaker from its first call). */
    public CircuitBreakerState state(Breaker breaker) {
        try {
            return maintenance.currentState(breaker.name());
        } catch (RuntimeException notYetKnown) {
            return CircuitBreakerState.CLOSED;
        }
    }

    static String label(CircuitBreakerState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
