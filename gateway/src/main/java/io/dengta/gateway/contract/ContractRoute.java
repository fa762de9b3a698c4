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

    void register(@Observes Router router,
            @ConfigProperty(name = "quarkus.smallrye-openapi.path", defaultValue = "openapi") String openApiPath,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String root) {
        String target = "/" + trim(root) + "/" + trim(openApiPath);
        router.get(PATH).handler(rc -> {
            String query = rc.request().query();
            rc.reroute(query == null ? target : target + "?" + query);
        });
    }

    private static String trim(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}
