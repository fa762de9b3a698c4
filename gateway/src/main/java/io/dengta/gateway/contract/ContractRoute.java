package io.dengta.gateway.contract;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Serves the merged contract at {@code /openapi} (the path api-conventions.md gives front-end teams) by
 * rerouting to the SmallRye OpenAPI handler, so both paths answer the same document with the same content
 * negotiation ({@code ?format=json}, {@code Accept: application/json}).
 */
public class ContractRoute {

    static final String PATH = "/openapi";

    // Quarkus' non-application endpoints stay under /q: the probes and scrape paths in deploy/ rely on it
    // (deploy-validation fails when a service moves them)
    private static final String NON_APPLICATION_ROOT = "q";

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.smallrye-openapi.path", defaultValue = "openapi") String openApiPath) {
        String target = "/" + NON_APPLICATION_ROOT + "/" + trim(openApiPath);
        router.get(PATH).handler(rc -> {
            String query = rc.request().query();
            rc.reroute(query == null ? target : target + "?" + query);
        });
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
