package io.dengta.commons.etag;

import jakarta.ws.rs.core.EntityTag;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;

/**
 * ETags from a resource's version, and the {@code If-Match} check for writes: a stale writer gets 412
 * and never overwrites a newer version.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Passes when {@code ifMatch} is absent, {@code *}, or lists the current version (weak or strong). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = "\"" + currentVersion + "\"";
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(current) || tag.equals("W/" + current)) {
                return;
            }
        }
        throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                "If-Match " + ifMatch + " does not match the current version " + current
                        + "; read the resource again and retry with its ETag");
    }
}
