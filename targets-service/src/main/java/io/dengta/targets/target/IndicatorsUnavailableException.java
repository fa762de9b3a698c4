package io.dengta.targets.target;

/** An upstream (indicators-service, or schools-service for school units) could not be asked (unreachable, 5xx, 429, or it refused our credentials). */
public class IndicatorsUnavailableException extends RuntimeException {

    public IndicatorsUnavailableException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
