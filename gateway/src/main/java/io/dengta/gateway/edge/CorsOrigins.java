package io.dengta.gateway.edge;

import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.problem.Problems;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Front-ends call the gateway from the origins listed in {@code quarkus.http.cors.origins} (exact origins,
 * never {@code *}: the gateway refuses to start with a wildcard). Quarkus' CORS filter answers preflights
 * and adds the CORS headers; this filter runs just before it so that a request from any other origin is a
 * 403 problem+json (Quarkus would answer a bare 403) and never reaches a service.
 */
public class CorsOrigins {

    /** Runs before Quarkus' CORS filter (SecurityHandlerPriorities.CORS = 300). */
    static final int PRIORITY = 301;

    void register(@Observes Filters filters) {
        Set<String> allowed = Set.copyOf(configured());
        filters.register(rc -> {
            String origin = rc.request().getHeader("Origin");
            if (origin == null || allowed.contains(origin) || sameOrigin(rc.request(), origin)) {
                rc.next();
                return;
            }
            reject(rc);
        }, PRIORITY);
    }

    void check(@Observes StartupEvent event) {
        requireExplicit(configured());
    }

    static void requireExplicit(List<String> origins) {
        for (String origin : origins) {
            if (origin.contains("*") || origin.startsWith("/")) {
                throw new IllegalStateException("quarkus.http.cors.origins must list exact front-end origins "
                        + "(https://app.example.org); '" + origin + "' is a wildcard or pattern");
            }
        }
    }

    private static List<String> configured() {
        return ConfigProvider.getConfig().getOptionalValues("quarkus.http.cors.origins", String.class)
                .orElse(List.of()).stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    static boolean sameOrigin(HttpServerRequest request, String origin) {
        return request.authority() != null && origin.equals(request.scheme() + "://" + request.authority());
    }

    private static void reject(RoutingContext rc) {
        Problems.write(rc.response(), ProblemType.FORBIDDEN,
                "Requests from this origin are not allowed; the gateway accepts its configured front-end origins only",
                rc.request());
    }
}
