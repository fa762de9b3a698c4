package io.dengta.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** Keeps the gateway's router, so tests can read the table of routes it serves. */
@ApplicationScoped
public class RouterCapture {

    private static volatile Router router;

    void capture(@Observes Router router) {
        RouterCapture.router = router;
    }

    static Router router() {
        return router;
    }
}
