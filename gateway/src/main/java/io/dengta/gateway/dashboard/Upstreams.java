package io.dengta.gateway.dashboard;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dengta.commons.requestid.RequestIds;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Non-blocking GETs to the services with the caller's token and request id. Every outcome that is not a
 * readable 2xx answer becomes an {@link UpstreamFailure} carrying the part status it stands for.
 * <p>
 * Each service has its own circuit breaker (SmallRye Fault Tolerance, named {@code dashboard-<service>}): while a
 * service keeps failing, its parts answer {@code unavailable} at once instead of waiting for their timeout, and
 * the other services' parts are not held up.
 */
@ApplicationScoped
public class Upstreams {

    public enum Service {
        SCHOOLS, INDICATORS, TARGETS;

        /** e.g. {@code schools} (the gateway's route of the same service has the same name). */
        public String routeName() {
            return name().toLowerCase(Locale.ROOT);
        }

        String serviceName() {
            return routeName() + "-service";
        }
    }

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final TypeLiteral<CompletionStage<JsonNode>> JSON_STAGE = new TypeLiteral<>() {
    };

    private final HttpClient client;
    private final DashboardConfig config;
    private final ObjectMapper mapper;
    private final Map<Service, Guard> breakers = new EnumMap<>(Service.class);

    public Upstreams(Vertx vertx, DashboardConfig config, ObjectMapper mapper) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.partTimeout().toMillis()))
                .setMaxPoolSize(50)
                .setKeepAlive(true));
        this.config = config;
        this.mapper = mapper;
        for (Service service : Service.values()) {
            breakers.put(service, breaker(service, config.circuitBreaker()));
        }
    }

    /** The circuit breaker's name for a service's dashboard calls, e.g. {@code dashboard-schools}. */
    public static String breakerName(Service service) {
        return "dashboard-" + service.routeName();
    }

    private static Guard breaker(Service service, DashboardConfig.CircuitBreaker config) {
        return Guard.create()
                .withDescription(breakerName(service))
                .withCircuitBreaker()
                .name(breakerName(service))
                .requestVolumeThreshold(config.requestVolume())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                // a refusal or a 4xx is an answer: only the service's own failures count
                .when(failure -> !(failure instanceof UpstreamFailure f) || f.serviceFault())
                .done()
                .withThreadOffload(false)
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** GET {@code pathAndQuery} (already encoded) from the service, as JSON, through the service's breaker. */
    Uni<JsonNode> get(Service service, String pathAndQuery, Caller caller) {
        String name = service.serviceName();
        CompletionStage<JsonNode> guarded;
        try {
            guarded = breakers.get(service).get(() -> call(service, pathAndQuery, caller).toCompletionStage(), JSON_STAGE);
        } catch (RuntimeException e) {
            guarded = java.util.concurrent.CompletableFuture.failedFuture(e);
        }
        // a copy: a part that gives up (its timeout) cancels the copy, never the breaker's own accounting
        CompletionStage<JsonNode> answer = guarded.thenApply(json -> json);
        return Uni.createFrom().completionStage(answer)
                .onFailure().transform(f -> {
                    Throwable cause = f instanceof CompletionException && f.getCause() != null ? f.getCause() : f;
                    if (cause instanceof UpstreamFailure) {
                        return cause;
                    }
                    if (cause instanceof CircuitBreakerOpenException) {
                        return new UpstreamFailure(Part.UNAVAILABLE, name + " is unavailable (its circuit breaker is "
                                + "open after repeated failures; retry in a few seconds)");
                    }
                    return new UpstreamFailure(Part.UNAVAILABLE, name + " is unavailable");
                });
    }

    private Future<JsonNode> call(Service service, String pathAndQuery, Caller caller) {
        String name = service.serviceName();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(base(service).resolve(pathAndQuery).toString())
                .setTimeout(config.partTimeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader(RequestIds.HEADER, caller.requestId());
        if (caller.authorization() != null) {
            options.putHeader("Authorization", caller.authorization());
        }
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> read(name, response.statusCode(), body)))
                .recover(f -> {
                    if (f instanceof UpstreamFailure) {
                        return Future.failedFuture(f);
                    }
                    boolean timeout = f instanceof TimeoutException || f.getClass().getSimpleName().contains("Timeout");
                    LOG.warnf("%s %s: %s", name, timeout ? "timed out" : "is unavailable", f.getMessage());
                    return Future.failedFuture(timeout ? new UpstreamFailure(Part.TIMEOUT, name + " did not answer in time")
                            : new UpstreamFailure(Part.UNAVAILABLE, name + " is unavailable"));
                });
    }

    private JsonNode read(String name, int status, Buffer body) {
        if (status >= 200 && status < 300) {
            try {
                return mapper.readTree(body.getBytes());
            } catch (Exception e) {
                throw new UpstreamFailure(Part.UNAVAILABLE, name + " answered with an unreadable body");
            }
        }
        String detail = detail(body);
        throw switch (status) {
            case 401, 403 -> new UpstreamFailure(Part.FORBIDDEN, detail != null ? detail : name + " refused the caller");
            case 404 -> new UpstreamFailure(Part.NOT_FOUND, detail != null ? detail : name + " found nothing");
            case 504 -> new UpstreamFailure(Part.TIMEOUT, name + " did not answer in time");
            default -> new UpstreamFailure(Part.UNAVAILABLE, name + " answered " + status
                    + (status < 500 && detail != null ? ": " + detail : ""), status >= 500);
        };
    }

    /** The problem's detail, if the body is one (never more of it: it is shown to the caller). */
    private String detail(Buffer body) {
        try {
            JsonNode problem = mapper.readTree(body.getBytes());
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private URI base(Service service) {
        return switch (service) {
            case SCHOOLS -> config.schoolsUrl();
            case INDICATORS -> config.indicatorsUrl();
            case TARGETS -> config.targetsUrl();
        };
    }
}
