package io.dengta.schools.statistics;

/** indicators-service could not be reached or answered 5xx/429: worth retrying later. */
class IndicatorsUnavailableException extends RuntimeException {

    private final String retryAfter;

    IndicatorsUnavailableException(String message, String retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** indicators-service's own Retry-After in seconds, if it sent one. */
    String retryAfter() {
        return retryAfter;
    }
}
