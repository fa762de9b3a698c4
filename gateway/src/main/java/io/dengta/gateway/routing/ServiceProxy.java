package io.dengta.gateway.routing;

import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.problem.Problems;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
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
 * request id go downstream. The gateway checks the token first; a service that is down or too slow
 * answers 503/504 problem+json with {@code Retry-After}.
 */
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    static final String RETRY_AFTER_SECONDS = "5";

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setMaxPoolSize(100)
                .setKeepAlive(true));
        config.routes().forEach((name, route) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> httpClient.request(new RequestOptions()
                            .setHost(route.url().getHost())
                            .setPort(route.url().getPort())
                            .setTimeout(route.timeout().toMillis())))
                    .addInterceptor(new DependencyFailures(name));
            router.route(route.prefix() + "/*").handler(rc -> forward(rc, proxy));
            LOG.infof("Routing %s/* to %s (%s timeout)", route.prefix(), route.url(), route.timeout());
        });
    }

    private static void forward(RoutingContext rc, HttpProxy proxy) {
        QuarkusHttpUser user = (QuarkusHttpUser) rc.user();
        if (user == null || user.getSecurityIdentity().isAnonymous()) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            Problems.write(rc.response(), ProblemType.UNAUTHORIZED, "A valid bearer token is required", rc.request());
            return;
        }
        // services build absolute links (Location) from these, so they point at the gateway
        rc.request().headers()
                .set("X-Forwarded-Host", rc.request().authority() == null ? rc.request().host() : rc.request().authority().toString())
                .set("X-Forwarded-Proto", rc.request().scheme());
        proxy.handle(rc.request());
    }

    /** Turns a failed call to a service into problem+json instead of the proxy's bare 502. */
    private record DependencyFailures(String service) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(failure -> {
                boolean timeout = failure instanceof TimeoutException
                        || failure.getClass().getSimpleName().contains("Timeout");
                ProblemType type = timeout ? ProblemType.DEPENDENCY_TIMEOUT : ProblemType.DEPENDENCY_UNAVAILABLE;
                LOG.warnf("%s-service %s: %s", service, timeout ? "timed out" : "is unavailable", failure.getMessage());
                String body = Problems.json(type, service + "-service "
                        + (timeout ? "did not answer in time" : "is unavailable") + "; retry later",
                        context.request().proxiedRequest());
                ProxyResponse response = context.request().response()
                        .setStatusCode(type.status())
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Retry-After", RETRY_AFTER_SECONDS)
                        .setBody(Body.body(Buffer.buffer(body)));
                return Future.succeededFuture(response);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // the gateway already answers with the request id (the same the service echoes): send it once
            context.response().headers().remove("X-Request-Id");
            return context.sendResponse();
        }
    }
}
