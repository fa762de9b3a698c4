package io.dengta.commons.testapp;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;

/** Versioned documents: ETag on reads, If-Match on writes (412 when stale). */
@Path("/test/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.BUREAU_ANALYST, Roles.PLATFORM_ADMIN })
@Singleton
public class DocumentsResource {

    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    @POST
    public Response create() {
        String id = UUID.randomUUID().toString();
        versions.put(id, 1L);
        return Response.created(URI.create("/test/v1/documents/" + id)).tag(ETags.of(1))
                .entity(Map.of("id", id, "version", 1L)).build();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        Long version = versions.get(id);
        if (version == null) {
            throw ProblemException.notFound("Document " + id + " not found");
        }
        return Response.ok(Map.of("id", id, "version", version)).tag(ETags.of(version)).build();
    }

    @PUT
    @Path("/{id}")
    public synchronized Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long version = versions.get(id);
        if (version == null) {
            throw ProblemException.notFound("Document " + id + " not found");
        }
        ETags.requireMatch(ifMatch, version);
        long next = version + 1;
        versions.put(id, next);
        return Response.ok(Map.of("id", id, "version", next)).tag(ETags.of(next)).build();
    }
}
