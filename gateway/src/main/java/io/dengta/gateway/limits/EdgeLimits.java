package io.dengta.gateway.limits;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.problem.Problems;
import io.dengta.gateway.edge.Caller;
import io.dengta.gateway.routing.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request passes after authentication (so the caller is known) and before any route: the HTTP
 * method must be one an API uses (405 otherwise, so TRACE never reaches a service), the caller's rate limit
 * for the request class (429 with {@code Retry-After}; {@code RateLimit-*} headers on every limited
 * answer), and the declared body size for the class (413). A body without a declared length is counted as
 * it streams to the service ({@link BodyLimit}).
 */
public class EdgeLimits {

    /** After authentication (200) and authorization (100). */
    static final int PRIORITY = 50;
    /** Routing context key of the body limit (bytes) that {@link BodyLimit} enforces on the stream. */
    public static final String MAX_BODY_BYTES = "dengta.max-body-bytes";

    static final Set<HttpMethod> API_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    void register(@Observes Filters filters, GatewayConfig config, RateLimiter limiter, MeterRegistry registry) {
        Pattern importPaths = Pattern.compile(config.importPathPattern());
        // dengta_rate_limit_rejections_total{route_class}: 429s answered, by request class
        Map<RequestClass, Counter> rejections = new EnumMap<>(RequestClass.class);
        for (RequestClass c : RequestClass.values()) {
            rejections.put(c, Counter.builder("dengta.rate.limit.rejections")
                    .description("Requests refused with 429 by the gateway's rate limits, by request class")
                    .tag("route_class", c.configName()).register(registry));
        }
        List<String> exempt = config.rateLimit().exemptPaths().orElse(List.of());
        boolean rateLimited = config.rateLimit().enabled();
        filters.register(rc -> {
            HttpMethod method = rc.request().method();
            if (!API_METHODS.contains(method)) {
                rc.response().putHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
                Problems.write(rc.response(), ProblemType.METHOD_NOT_ALLOWED,
                        method.name() + " is not an API method", rc.request());
                return;
            }
            String path = rc.request().path();
            RequestClass requestClass = RequestClass.of(method, path, importPaths);
            if (rateLimited && exempt.stream().noneMatch(path::startsWith)
                    && !allow(rc, limiter.consume(Caller.of(rc).key(), requestClass))) {
                rejections.get(requestClass).increment();
                return;
            }
            long maxBody = limitOf(config, requestClass).maxBodySize().asLongValue();
            if (declaredLength(rc) > maxBody) {
                tooLarge(rc, maxBody);
                return;
            }
            rc.put(MAX_BODY_BYTES, maxBody);
            rc.next();
        }, PRIORITY);
    }

    private static boolean allow(RoutingContext rc, RateLimiter.Decision decision) {
        rc.addHeadersEndHandler(v -> rc.response().headers()
                .set("RateLimit-Limit", Long.toString(decision.limit()))
                .set("RateLimit-Remaining", Long.toString(decision.remaining()))
                .set("RateLimit-Reset", Long.toString(decision.resetSeconds())));
        if (decision.allowed()) {
            return true;
        }
        rc.response().putHeader("Retry-After", Long.toString(Math.max(1, decision.retryAfterSeconds())));
        Problems.write(rc.response(), ProblemType.RATE_LIMITED, "Too many requests of this kind from your client; "
                + "retry after " + Math.max(1, decision.retryAfterSeconds()) + " seconds", rc.request());
        return false;
    }

    static GatewayConfig.RequestClassLimits limitOf(GatewayConfig config, RequestClass requestClass) {
        return switch (requestClass) {
            case READS -> config.reads();
            case WRITES -> config.writes();
            case IMPORTS -> config.imports();
        };
    }

    private static long declaredLength(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * 413 before the body is read. The declared body (at most quarkus.http.limits.max-body-size) is then
     * read and dropped, so that a client that sends it before reading the answer gets the 413 rather than
     * a broken connection; a chunked body that grows past the limit is cut off instead ({@link BodyLimit}).
     */
    private static void tooLarge(RoutingContext rc, long maxBody) {
        HttpServerResponse response = rc.response();
        Problems.write(response, ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than this endpoint accepts (" + maxBody + " bytes)", rc.request());
        rc.request().handler(dropped -> {
        }).resume();
    }

    /**
     * Closes the caller's connection once the answer is out: an answer written while the connection is
     * being read is flushed when that read completes, so the close waits for the next turn of the event loop.
     */
    public static void closeAfterFlush(io.vertx.core.http.HttpServerRequest request) {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        if (context == null) {
            request.connection().close();
        } else {
            context.runOnContext(v -> request.connection().close());
        }
    }
}
