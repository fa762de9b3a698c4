package io.dengta.schools.statistics;

/** indicators-service answered 4xx: retrying the same request would not help. */
class IndicatorsRefusedException extends RuntimeException {

    private final int status;
    private final String body;

    IndicatorsRefusedException(int status, String body) {
        super("indicators-service answered " + status);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }
}
