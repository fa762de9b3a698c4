package io.dengta.commons.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.dengta.commons.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling and what they may see: roles and the {@code region}/{@code school} scope claims of the
 * bearer token. Reads outside scope are answered as not found (existence does not leak), writes as
 * forbidden; lists are filtered with {@link #regionPrefixes()}.
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;
    private final Set<String> regions;
    private final Set<String> schools;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
        this.regions = claim("region");
        this.schools = claim("school");
    }

    public String subject() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The OAuth client the token was issued to ({@code azp}, else {@code client_id}), if any. */
    public String clientId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object azp = jwt.getClaim("azp");
            Object clientId = azp != null ? azp : jwt.getClaim("client_id");
            return clientId == null ? null : text(clientId);
        }
        return null;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isPlatformAdmin() {
        return hasRole(Roles.PLATFORM_ADMIN);
    }

    public Set<String> regions() {
        return regions;
    }

    public Set<String> schools() {
        return schools;
    }

    /** True when the caller sees everything (platform admin): lists need no scope filter. */
    public boolean unrestricted() {
        return isPlatformAdmin();
    }

    public boolean coversRegion(String regionCode) {
        return unrestricted() || regions.stream().anyMatch(scope -> RegionCodes.covers(scope, regionCode));
    }

    public boolean coversSchool(String schoolCode, String schoolRegionCode) {
        return unrestricted() || schools.contains(schoolCode) || coversRegion(schoolRegionCode);
    }

    /** Prefixes a region code must start with to be visible to this caller (empty: none visible). */
    public List<String> regionPrefixes() {
        return regions.stream().filter(RegionCodes::isValid).map(RegionCodes::coveragePrefix).distinct().toList();
    }

    /** For reads of one resource: out of scope is 404, so existence does not leak. */
    public void requireVisible(boolean inScope, String what) {
        if (!inScope) {
            throw ProblemException.notFound(what + " not found");
        }
    }

    /** For writes: out of scope is 403. */
    public void requireWritable(boolean inScope, String what) {
        if (!inScope) {
            throw ProblemException.forbidden(what + " is outside your organisation scope");
        }
    }

    private Set<String> claim(String name) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Set.of();
        }
        Object value = jwt.getClaim(name);
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> values.add(text(v)));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(text(v)));
        } else if (value != null) {
            for (String part : text(value).split("[,\\s]+")) {
                if (!part.isBlank()) {
                    values.add(part);
                }
            }
        }
        return Set.copyOf(values);
    }

    private static String text(Object value) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonValue v) {
            return v.toString().replace("\"", "");
        }
        return String.valueOf(value);
    }
}
