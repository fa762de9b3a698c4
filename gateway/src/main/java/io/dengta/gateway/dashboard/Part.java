package io.dengta.gateway.dashboard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One part of a dashboard: its data when the service answered, else why not. A part that fails never fails
 * the whole answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Part<T>(
        @Schema(enumeration = { "ok", "unavailable", "timeout", "forbidden", "not-found" },
                description = "ok: `data` is present; unavailable: the service is down or answered an error; timeout: "
                        + "it did not answer within the part's time; forbidden / not-found: the service refused the "
                        + "caller or has nothing for the request (see `reason`)") String status,
        @Schema(description = "Present when status is ok") T data,
        @Schema(description = "Why the part has no data, for people") String reason) {

    public static final String OK = "ok";
    public static final String UNAVAILABLE = "unavailable";
    public static final String TIMEOUT = "timeout";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";

    public static <T> Part<T> ok(T data) {
        return new Part<>(OK, data, null);
    }

    public static <T> Part<T> failed(String status, String reason) {
        return new Part<>(status, null, reason);
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
}
