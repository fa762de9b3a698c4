package io.dengta.commons.testapp;

import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.HttpException;

/** Plain Vert.x routes (outside JAX-RS), whose failures HttpFailureProblems must answer. */
public class RawRoutes {

    void register(@Observes Router router) {
        router.get("/test/raw/boom").order(-1000).handler(rc -> {
            throw new IllegalStateException("select password from account; org.postgresql.util.PSQLException");
        });
        router.get("/test/raw/unavailable").order(-1000)
                .handler(rc -> rc.fail(new HttpException(503, "Upstream indicators-service is down")));
        router.get("/test/raw/status-429").order(-1000).handler(rc -> rc.fail(429));
        router.get("/test/raw/ok").order(-1000).handler(rc -> rc.response().end("ok"));
    }
}
