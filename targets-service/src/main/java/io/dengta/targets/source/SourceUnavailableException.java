package io.dengta.targets.source;

/**
 * A source of actual values could not answer: down, timing out, refusing, or its circuit is open. The message is the
 * reason a stale progress answer gives. A refusal (4xx) is this class; {@link SourceDownException} is worth retrying.
 */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String reason) {
        super(reason);
    }
}
