package io.dengta.gateway.routing;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** What went wrong calling a service, and what the caller is told. */
enum UpstreamFailure {
    /** Nothing listens, or the service's breaker is open: 503. */
    UNAVAILABLE,
    /** The service did not start answering in time: 504. */
    TIMEOUT,
    /** The service answered something that is not HTTP, or dropped the connection: 502. */
    INVALID_ANSWER;

    static UpstreamFailure of(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CircuitBreakerOpenException || cause instanceof ConnectException) {
            return UNAVAILABLE;
        }
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return TIMEOUT;
        }
        return INVALID_ANSWER;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Only a connection that was never made is safe to try again: nothing reached the service. */
    static boolean isConnectionFailure(Throwable failure) {
        return unwrap(failure) instanceof ConnectException;
    }
}
