package io.dengta.commons.requestid;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;

/** The {@code X-Request-Id} rules: accept a caller's well-formed id, otherwise make one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The caller's id if it is well formed (so log lines cannot be forged), else a new one. */
    public static String acceptOrGenerate(String given) {
        return given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** The id of a request that passed {@link RequestIdFilter} (which stores it back in the request's headers). */
    public static String of(HttpServerRequest request) {
        return request.getHeader(HEADER);
    }
}
