package io.dengta.gateway.edge;

import jakarta.enterprise.event.Observes;

import io.dengta.gateway.routing.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;

/**
 * Headers on every answer, the gateway's own and the services': no MIME sniffing, no referrer, no framing,
 * a CSP that lets nothing load from an API answer (Swagger UI gets what it needs from its own origin),
 * HSTS on https, {@code Cache-Control: no-store} on answers to requests with a token unless the service
 * chose its own caching, and no {@code Server}/{@code X-Powered-By} that would tell software versions.
 */
public class SecurityHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_UI_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    void register(@Observes Filters filters, GatewayConfig config) {
        String hsts = config.hsts();
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc.response().headers(), rc.request().scheme(), rc.request().path(),
                    rc.request().headers().contains("Authorization"), hsts));
            rc.next();
        }, Integer.MAX_VALUE);
    }

    static void apply(MultiMap headers, String scheme, String path, boolean withToken, String hsts) {
        headers.remove("Server");
        headers.remove("X-Powered-By");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", path != null && path.startsWith("/q/swagger-ui") ? SWAGGER_UI_CSP : API_CSP);
        if ("https".equals(scheme)) {
            headers.set("Strict-Transport-Security", hsts);
        }
        if (withToken && !headers.contains("Cache-Control")) {
            headers.set("Cache-Control", "no-store");
        }
    }
}
