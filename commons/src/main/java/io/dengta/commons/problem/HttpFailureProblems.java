package io.dengta.commons.problem;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problem+json for what fails before or outside a JAX-RS resource: authentication at the HTTP layer,
 * body size limits, paths no route serves, and anything else a Vert.x route fails with.
 */
public class HttpFailureProblems {

    private static final Logger LOG = Logger.getLogger(HttpFailureProblems.class);

    /**
     * Quarkus answers a body over {@code quarkus.http.limits.max-body-size} with a bare 413 before any
     * route runs; announce it as a problem instead, from the declared Content-Length. (A chunked body
     * that grows past the limit still gets the bare 413.)
     */
    void limitBody(@Observes Filters filters) {
        long max = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10L * 1024 * 1024);
        filters.register(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && isLonger(length, max)) {
                rc.response().putHeader("Connection", "close");
                Problems.write(rc.response(), ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is larger than this endpoint accepts (" + max + " bytes)", rc.request());
                return;
            }
            rc.next();
        }, Integer.MAX_VALUE - 1);
    }

    private static boolean isLonger(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::onFailure);
        // registered last: only requests no other route answered get here
        router.route().order(Integer.MAX_VALUE).handler(rc -> Problems.write(rc.response(), ProblemType.NOT_FOUND,
                "No resource at " + rc.request().path(), rc.request()));
    }

    private void onFailure(RoutingContext rc) {
        Throwable failure = rc.failure();
        ProblemType type;
        String detail;
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            type = ProblemType.UNAUTHORIZED;
            detail = failure instanceof UnauthorizedException ? "A valid bearer token is required"
                    : "The bearer token is not valid";
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        } else if (failure instanceof ForbiddenException) {
            type = ProblemType.FORBIDDEN;
            detail = "Your role does not allow this operation";
        } else if (failure instanceof HttpException http) {
            type = ProblemType.forStatus(http.getStatusCode());
            detail = http.getPayload();
        } else if (failure == null && rc.statusCode() > 0) {
            type = ProblemType.forStatus(rc.statusCode());
            detail = rc.statusCode() == 413 ? "The request body is larger than this endpoint accepts" : null;
        } else {
            LOG.error("Request failed", failure);
            type = ProblemType.INTERNAL;
            detail = "The server could not complete the request; quote the request id when reporting it";
        }
        Problems.write(rc.response(), type, detail, rc.request());
    }

}
