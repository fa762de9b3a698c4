package io.dengta.gateway.edge;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.dengta.commons.requestid.RequestIds;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * One line per request on the {@code io.dengta.gateway.access} logger:
 * {@code method=GET path=/schools/v1/schools query=limit,region status=200 durationMs=12 client=dengta-web requestId=…}.
 * <p>
 * No tokens and no personal data: of the query string only the parameter names are written (values such as
 * a name filter or a cursor may hold personal data); the path holds codes only; the client is the verified
 * token's {@code azp}/{@code client_id} or subject id, "-" for anonymous callers (their address is not logged).
 */
public class AccessLog {

    public static final String CATEGORY = "io.dengta.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final int MAX_LOGGED = 512;

    void register(@Observes Filters filters) {
        // the end handler reads the request id and the caller when the answer is complete, so it does not
        // matter that the request id and authentication run in other filters
        filters.register(rc -> {
            long start = System.nanoTime();
            rc.addEndHandler(done -> LOG.info(line(rc, (System.nanoTime() - start) / 1_000_000, done.failed())));
            rc.next();
        }, Integer.MAX_VALUE);
    }

    static String line(RoutingContext rc, long durationMs, boolean aborted) {
        HttpServerRequest request = rc.request();
        StringBuilder line = new StringBuilder(160)
                .append("method=").append(request.method().name())
                .append(" path=").append(clean(request.path()));
        String names = queryNames(request.query());
        if (!names.isEmpty()) {
            line.append(" query=").append(names);
        }
        line.append(" status=").append(rc.response().getStatusCode())
                .append(" durationMs=").append(durationMs)
                .append(" client=").append(clean(Caller.of(rc).logged()))
                .append(" requestId=").append(RequestIds.of(request));
        if (aborted) {
            line.append(" aborted=true");
        }
        return line.toString();
    }

    /** The parameter names of a query string, without values: {@code a=1&b=x&a=2} gives {@code a,b}. */
    static String queryNames(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        Set<String> names = new LinkedHashSet<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.isEmpty()) {
                names.add(clean(name));
            }
        }
        return String.join(",", names);
    }

    /** Keeps a line one line: no control characters or spaces from the request, bounded length. */
    static String clean(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_LOGGED));
        for (int i = 0; i < value.length() && out.length() < MAX_LOGGED; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || Character.isWhitespace(c) ? '_' : c);
        }
        return out.toString();
    }
}
