package io.dengta.gateway.dashboard;

/** Why a service gave a part no data, as the part's status ({@link Part}) and a reason for people. */
class UpstreamFailure extends RuntimeException {

    private final String status;

    UpstreamFailure(String status, String reason) {
        super(reason);
        this.status = status;
    }

    String status() {
        return status;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // an expected outcome of a dependency, not a bug
        return this;
    }
}
