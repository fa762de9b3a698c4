package io.dengta.targets.source;

/** The source could not be reached or answered 5xx/429: a retry may help. */
public class SourceDownException extends SourceUnavailableException {

    public SourceDownException(String reason) {
        super(reason);
    }
}
