package io.dengta.commons.etag;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

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

    /** 200 with the ETag of {@code version}, or 304 when the client's If-None-Match already names it. */
    public static Response read(Request request, Object entity, long version) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(of(version));
        return notModified != null ? notModified.build() : Response.ok(entity).tag(of(version)).build();
    }

    /** The answer to a create-or-replace: 201 with {@code Location} when created, else 200; with the new ETag. */
    public static Response written(boolean created, String location, Object entity, long version) {
        Response.ResponseBuilder response = created ? Response.created(URI.create(location)) : Response.ok();
        return response.entity(entity).tag(of(version)).build();
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
