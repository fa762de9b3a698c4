package io.dengta.gateway.dashboard;

import java.util.Collection;
import java.util.TreeSet;

/**
 * What each call to a service carries from the caller's request, so the service applies the caller's own scope,
 * and {@code scope}: everything the services decide a read on (the roles and the region and school claims), the
 * key under which the answers may be shared with other callers ({@link DashboardCache}).
 */
record Caller(String authorization, String requestId, String scope) {

    /** A canonical form of roles and scope claims: two callers with the same one get the same answers. */
    static String scopeKey(Collection<String> roles, Collection<String> regions, Collection<String> schools) {
        return "roles=" + String.join(",", new TreeSet<>(roles)) + ";region=" + String.join(",", new TreeSet<>(regions))
                + ";school=" + String.join(",", new TreeSet<>(schools));
    }
}
