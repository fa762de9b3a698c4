package io.dengta.gateway.dashboard;

/** Why a service gave a part no data, as the part's status ({@link Part}) and a reason for people. */
class UpstreamFailure extends RuntimeException {

    private final String status;
    private final boolean serviceFault;

    UpstreamFailure(String status, String reason) {
        this(status, reason, Part.UNAVAILABLE.equals(status) || Part.TIMEOUT.equals(status));
    }

    UpstreamFailure(String status, String reason, boolean serviceFault) {
        super(reason);
        this.status = status;
        this.serviceFault = serviceFault;
    }

    String status() {
        return status;
    }

    /**
     * True when the service failed (unreachable, too slow, a 5xx or an unreadable answer): what its circuit breaker
     * counts. A refusal of the caller or a 4xx is an answer, not a failure of the service.
     */
    boolean serviceFault() {
        return serviceFault;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // an expected outcome of a dependency, not a bug
        return this;
    }
}
