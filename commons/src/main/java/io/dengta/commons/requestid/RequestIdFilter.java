package io.dengta.commons.requestid;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;

/**
 * Gives every request an {@code X-Request-Id} before anything else runs: it is set on the request (so
 * resources, problem bodies and proxied calls see the same id), returned on the response and put in
 * the logging context, so every log line of the request carries it, and on the request's trace span.
 */
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            String id = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
            request.headers().set(RequestIds.HEADER, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            MDC.put(RequestIds.MDC_KEY, id);
            // traces and logs meet on the request id (a no-op while tracing is off)
            Span.current().setAttribute("dengta.request_id", id);
            rc.addEndHandler(done -> MDC.remove(RequestIds.MDC_KEY));
            rc.next();
        }, Integer.MAX_VALUE);
    }
}
