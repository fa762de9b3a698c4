package io.dengta.gateway.limits;

import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;

/**
 * The classes requests are limited by: bulk imports are the costliest (big bodies, many rows), writes
 * next, reads the cheapest. Each has its own body size limit and rate limit.
 */
public enum RequestClass {
    READS, WRITES, IMPORTS;

    /** Classifies by method, and for POST/PUT by whether the path is an import endpoint. */
    public static RequestClass of(HttpMethod method, String path, Pattern importPaths) {
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return importPaths.matcher(path).matches() ? IMPORTS : WRITES;
        }
        if (method == HttpMethod.PATCH || method == HttpMethod.DELETE) {
            return WRITES;
        }
        return READS;
    }

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
