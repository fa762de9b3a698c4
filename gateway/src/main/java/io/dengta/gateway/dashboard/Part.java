package io.dengta.gateway.dashboard;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One part of a dashboard: its data when the service answered, else why not, and how old the answer is (parts
 * are cached for {@code dengta.dashboard.cache.ttl}). A part that fails never fails the whole answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part<T>(
        @Schema(enumeration = { "ok", "unavailable", "timeout", "forbidden", "not-found" },
                description = "ok: `data` is present; unavailable: the service is down, answered an error, or its "
                        + "circuit breaker is open (answered at once); timeout: it did not answer within the part's "
                        + "time; forbidden / not-found: the service refused the caller or has nothing for the request "
                        + "(see `reason`)") String status,
        @Schema(description = "Present when status is ok") T data,
        @Schema(description = "Why the part has no data, for people") String reason,
        @Schema(description = "When the service's answer was read (the part may come from the gateway's cache)",
                example = "2026-11-26T10:15:30Z") Instant asOf,
        @Schema(description = "Seconds since asOf when this answer was sent (0: read for this request)", example = "12")
        Long age) {

    public static final String OK = "ok";
    public static final String UNAVAILABLE = "unavailable";
    public static final String TIMEOUT = "timeout";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";

    public static <T> Part<T> ok(T data) {
        return new Part<>(OK, data, null, Instant.now(), null);
    }

    public static <T> Part<T> failed(String status, String reason) {
        return new Part<>(status, null, reason, Instant.now(), null);
    }

    static <T> Part<T> of(Throwable failure) {
        if (failure instanceof UpstreamFailure f) {
            return failed(f.status(), f.getMessage());
        }
        return failed(UNAVAILABLE, "the answer could not be read");
    }

    public boolean isOk() {
        return OK.equals(status);
    }

    /** The same part as sent at {@code now}: its age in whole seconds. */
    Part<T> at(Instant now) {
        long seconds = asOf == null ? 0 : Math.max(0, Duration.between(asOf, now).getSeconds());
        return new Part<>(status, data, reason, asOf, seconds);
    }

    /** Answers worth keeping: data or the service's own refusal; never a failure to reach it. */
    boolean cacheable() {
        return !UNAVAILABLE.equals(status) && !TIMEOUT.equals(status);
    }
}
