package io.dengta.gateway.routing;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.util.TypeLiteral;

import org.jboss.logging.Logger;

import io.dengta.commons.problem.Problem;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.problem.Problems;
import io.dengta.gateway.limits.BodyLimit;
import io.dengta.gateway.limits.EdgeLimits;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Routes each service's prefix to it with Vert.x's reverse proxy: bodies stream in both directions
 * (never buffered), status, headers and problem bodies pass through unchanged, the caller's token and
 * request id go downstream. The gateway checks the token first.
 * <p>
 * Each route has a circuit breaker (SmallRye Fault Tolerance): while a service keeps failing, the gateway
 * answers 503 {@code dependency-unavailable} with {@code Retry-After} at once instead of waiting for
 * timeouts. GET and HEAD are tried again when the service cannot be reached (nothing was sent); writes never
 * are. A service that does not answer in time is a 504, one that answers garbage a 502 problem.
 */
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    static final String RETRY_AFTER_SECONDS = "5";
    private static final String MAX_BODY_LOCAL = "dengta.gateway.max-body-bytes";
    private static final String UPSTREAM_REQUEST = "upstream-request";
    private static final TypeLiteral<CompletionStage<ProxyResponse>> PROXY_RESPONSE = new TypeLiteral<>() {
    };

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        config.routes().forEach((name, route) -> {
            long timeoutMillis = route.timeout().toMillis();
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> connect(vertx, context.client(), new RequestOptions()
                            .setHost(route.url().getHost())
                            .setPort(route.url().getPort())
                            .setIdleTimeout(timeoutMillis),
                            retriesFor(context.request().getMethod(), route), name)
                            .onSuccess(request -> context.set(UPSTREAM_REQUEST, request)))
                    .addInterceptor(new Upstream(name, breaker(name, route.circuitBreaker()),
                            route.circuitBreaker().delay().toSeconds(), timeoutMillis));
            router.route(route.prefix() + "/*").handler(rc -> forward(rc, proxy));
            LOG.infof("Routing %s/* to %s (%s timeout)", route.prefix(), route.url(), route.timeout());
        });
    }

    /** The circuit breaker's name for a route, e.g. {@code gateway-schools} (for CircuitBreakerMaintenance). */
    public static String breakerName(String route) {
        return "gateway-" + route;
    }

    private static Guard breaker(String name, GatewayConfig.CircuitBreaker config) {
        return Guard.create()
                .withDescription(breakerName(name))
                .withCircuitBreaker()
                .name(breakerName(name))
                .requestVolumeThreshold(config.requestVolume())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                // the caller's fault, not the service's
                .skipOn(List.of(BodyLimit.TooLarge.class, CallerGone.class))
                .done()
                .withThreadOffload(false)
                .build();
    }

    private static int retriesFor(HttpMethod method, GatewayConfig.Route route) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD ? route.readRetries() : 0;
    }

    private static Future<HttpClientRequest> connect(Vertx vertx, HttpClient client, RequestOptions options,
            int retriesLeft, String service) {
        return client.request(options).recover(failure -> {
            if (retriesLeft <= 0 || !UpstreamFailure.isConnectionFailure(failure)) {
                return Future.failedFuture(failure);
            }
            LOG.infof("Retrying a read on %s-service after a connection failure (%d retries left): %s", service,
                    retriesLeft, failure.getMessage());
            Promise<HttpClientRequest> retried = Promise.promise();
            vertx.setTimer(100, t -> connect(vertx, client, options, retriesLeft - 1, service).onComplete(retried));
            return retried.future();
        });
    }

    private static void forward(RoutingContext rc, HttpProxy proxy) {
        QuarkusHttpUser user = (QuarkusHttpUser) rc.user();
        if (user == null || user.getSecurityIdentity().isAnonymous()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.write(rc.response(), ProblemType.UNAUTHORIZED, "A valid bearer token is required", rc.request());
            return;
        }
        // the proxy would answer a bare 400 to a body framed both ways (request smuggling)
        if (rc.request().headers().contains("Transfer-Encoding") && rc.request().headers().contains("Content-Length")) {
            Problems.write(rc.response(), ProblemType.MALFORMED_REQUEST,
                    "A request body must not have both Content-Length and Transfer-Encoding", rc.request());
            return;
        }
        // services build absolute links (Location) from these, so they point at the gateway
        rc.request().headers()
                .set("X-Forwarded-Host", rc.request().authority() == null ? rc.request().host() : rc.request().authority().toString())
                .set("X-Forwarded-Proto", rc.request().scheme());
        Long maxBody = rc.get(EdgeLimits.MAX_BODY_BYTES);
        // the interceptor runs on this request's own (duplicated) context
        Context context = Vertx.currentContext();
        if (context != null && maxBody != null) {
            context.putLocal(MAX_BODY_LOCAL, maxBody);
        }
        proxy.handle(rc.request());
    }

    /**
     * Sends each call through the route's breaker, counts the body as it streams, and turns failures into
     * problem+json instead of the proxy's bare 502.
     */
    private record Upstream(String service, Guard breaker, long retryAfterSeconds, long timeoutMillis)
            implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest caller = context.request().proxiedRequest();
            Context vertxContext = Vertx.currentContext();
            Long maxBody = vertxContext == null ? null : vertxContext.getLocal(MAX_BODY_LOCAL);
            BodyLimit body = null;
            if (context.request().getBody() != null) {
                Body original = context.request().getBody();
                body = new BodyLimit(original.stream(), maxBody == null ? Long.MAX_VALUE : maxBody,
                        new KeepAlive(context, timeoutMillis));
                context.request().setBody(Body.body(body, original.length()));
            }
            BodyLimit counted = body;
            CompletionStage<ProxyResponse> call;
            try {
                call = breaker.get(() -> context.sendRequest()
                        .recover(failure -> Future.failedFuture(counted != null && counted.exceeded()
                                ? new BodyLimit.TooLarge(counted.maxBytes())
                                : caller.response().closed() ? new CallerGone(failure) : failure))
                        .toCompletionStage(), PROXY_RESPONSE);
            } catch (RuntimeException e) {
                call = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            return Future.fromCompletionStage(call, vertxContext).recover(failure -> answer(context, failure));
        }

        private Future<ProxyResponse> answer(ProxyContext context, Throwable failure) {
            HttpServerRequest caller = context.request().proxiedRequest();
            Throwable cause = UpstreamFailure.unwrap(failure);
            ProxyResponse response = context.request().response()
                    .putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (cause instanceof BodyLimit.TooLarge tooLarge) {
                context.set("close", Boolean.TRUE);
                return Future.succeededFuture(response.setStatusCode(413).putHeader("Connection", "close")
                        .setBody(Body.body(Buffer.buffer(Problems.json(ProblemType.PAYLOAD_TOO_LARGE,
                                "The request body is larger than this endpoint accepts (" + tooLarge.maxBytes() + " bytes)",
                                caller)))));
            }
            UpstreamFailure kind = UpstreamFailure.of(cause);
            String detail;
            String body;
            int status;
            switch (kind) {
                case UNAVAILABLE -> {
                    detail = service + "-service is unavailable; retry later";
                    body = Problems.json(ProblemType.DEPENDENCY_UNAVAILABLE, detail, caller);
                    status = 503;
                }
                case TIMEOUT -> {
                    detail = service + "-service did not answer in time; retry later";
                    body = Problems.json(ProblemType.DEPENDENCY_TIMEOUT, detail, caller);
                    status = 504;
                }
                default -> {
                    detail = service + "-service gave an invalid answer; retry later";
                    body = Problems.json(ProblemType.BAD_GATEWAY, detail, caller);
                    status = 502;
                }
            }
            LOG.warnf("%s-service call failed (%s): %s", service, kind, cause.toString());
            return Future.succeededFuture(response.setStatusCode(status)
                    .putHeader("Retry-After", Long.toString(kind == UpstreamFailure.UNAVAILABLE
                            && cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException
                                    ? Math.max(1, retryAfterSeconds) : Long.parseLong(RETRY_AFTER_SECONDS)))
                    .setBody(Body.body(Buffer.buffer(body))));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // the gateway already answers with the request id (the same the service echoes): send it once
            response.headers().remove("X-Request-Id");
            if (response.getStatusCode() == 304 || response.getStatusCode() == 204) {
                // never a body (RFC 9112 6.3): without this the proxy announces a chunked one, which some clients wait for
                response.setBody(null);
                response.headers().remove("Transfer-Encoding");
            }
            if (response.getStatusCode() >= 500 && !isProblem(response.headers().get("Content-Type"))) {
                // not from a Dengta service (they answer problem+json): do not pass on what it says
                LOG.warnf("%s-service answered %d without a problem body", service, response.getStatusCode());
                response.release()
                        .setStatusCode(502)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                        .setBody(Body.body(Buffer.buffer(Problems.json(ProblemType.BAD_GATEWAY,
                                service + "-service gave an invalid answer; retry later",
                                context.request().proxiedRequest()))));
            }
            Future<Void> sent = context.sendResponse();
            if (Boolean.TRUE.equals(context.get("close", Boolean.class))) {
                // the rest of a too large body is never read
                HttpServerRequest caller = context.request().proxiedRequest();
                sent.onComplete(done -> EdgeLimits.closeAfterFlush(caller));
            }
            return sent;
        }

        private static boolean isProblem(String contentType) {
            return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(Problem.MEDIA_TYPE);
        }
    }

    /**
     * The route's timeout is how long a service may take to answer once it has the request: while the
     * caller is still sending a body (a large import), each chunk passed on starts the timeout again, and
     * the last one starts the wait for the answer.
     */
    private static final class KeepAlive implements Runnable {
        private final ProxyContext context;
        private final long timeoutMillis;
        private long lastArmed;

        KeepAlive(ProxyContext context, long timeoutMillis) {
            this.context = context;
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void run() {
            HttpClientRequest upstream = context.get(UPSTREAM_REQUEST, HttpClientRequest.class);
            long now = System.nanoTime();
            // a timer per chunk would be wasteful: re-arm at most every 100 ms
            if (upstream != null && now - lastArmed > 100_000_000L) {
                lastArmed = now;
                upstream.idleTimeout(timeoutMillis);
            }
        }
    }

    /** The caller went away while the service was called: not the service's failure. */
    static final class CallerGone extends RuntimeException {
        CallerGone(Throwable cause) {
            super("the caller closed the connection", cause, false, false);
        }
    }
}
