package io.dengta.gateway.edge;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Who a request comes from, for rate limits and the access log: the OAuth client the verified token was
 * issued to ({@code azp}, else {@code client_id}), else its subject; for anonymous requests the client
 * address. Only verified tokens count: claims of a token that failed validation are never read.
 */
public record Caller(Kind kind, String id) {

    public enum Kind {
        CLIENT, SUBJECT, ADDRESS
    }

    private static final String KEY = "dengta.gateway.caller";

    /** The caller of the request, worked out once per request (the rate limit and the access log both ask). */
    public static Caller of(RoutingContext rc) {
        Caller known = rc.get(KEY);
        if (known != null) {
            return known;
        }
        Caller caller = identify(rc);
        // a verified caller does not change within the request; an anonymous one may still authenticate
        if (caller.kind() != Kind.ADDRESS) {
            rc.put(KEY, caller);
        }
        return caller;
    }

    private static Caller identify(RoutingContext rc) {
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity != null && !identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            String client = text(jwt.getClaim("azp"));
            if (client == null) {
                client = text(jwt.getClaim("client_id"));
            }
            if (client != null) {
                return new Caller(Kind.CLIENT, client);
            }
            if (jwt.getSubject() != null) {
                return new Caller(Kind.SUBJECT, jwt.getSubject());
            }
        }
        return new Caller(Kind.ADDRESS, rc.request().remoteAddress() == null ? "unknown"
                : rc.request().remoteAddress().hostAddress());
    }

    /** The caller as written in the access log: a client or subject id, "-" for anonymous (no address: personal data). */
    public String logged() {
        return kind == Kind.ADDRESS ? "-" : id;
    }

    /** The rate limit bucket key. */
    public String key() {
        return kind.name().charAt(0) + ":" + id;
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
        return value.isBlank() ? null : value;
    }
}
