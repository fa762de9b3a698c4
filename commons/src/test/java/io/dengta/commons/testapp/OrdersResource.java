package io.dengta.commons.testapp;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.problem.Problems;
import io.dengta.commons.security.Roles;
import io.vertx.core.http.HttpServerRequest;

/** POSTs that create, wrapped in {@link Idempotency}; each action counts its runs in {@link IdempotencyProbe}. */
@Path("/test/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.BUREAU_ANALYST, Roles.DATA_FEED, Roles.PLATFORM_ADMIN })
public class OrdersResource {

    public static class OrderRequest {
        @NotBlank
        public String name;
        public int quantity;
    }

    public record Order(String id, String name, int quantity, int run) {
    }

    @Inject
    Idempotency idempotency;

    @Inject
    IdempotencyProbe probe;

    @POST
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OrderRequest body) {
        return idempotency.execute(key, body, () -> created(body, probe.ran(body.name)));
    }

    /** Throws on its first run for a name: the key must be released so a retry runs again. */
    @POST
    @Path("/flaky")
    public Response flaky(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OrderRequest body) {
        return idempotency.execute(key, body, () -> {
            int run = probe.ran(body.name);
            if (run == 1) {
                throw new IllegalStateException("first attempt fails");
            }
            return created(body, run);
        });
    }

    /** Answers 503 on its first run for a name: a 5xx is not stored, so a retry runs again. */
    @POST
    @Path("/unavailable-once")
    public Response unavailableOnce(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OrderRequest body) {
        return idempotency.execute(key, body, () -> {
            int run = probe.ran(body.name);
            return run == 1 ? Response.status(503).entity(Map.of("run", run)).build() : created(body, run);
        });
    }

    /** Answers 409 (a client-visible outcome): stored and replayed like a success. */
    @POST
    @Path("/conflicting")
    public Response conflicting(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OrderRequest body) {
        return idempotency.execute(key, body,
                () -> Response.status(409).entity(Map.of("run", probe.ran(body.name))).build());
    }

    /** Answers with a problem it builds itself (as an import might for a rejected file): replayed as it was. */
    @POST
    @Path("/answering-with-a-problem")
    public Response answeringWithAProblem(@HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull OrderRequest body, @Context HttpServerRequest request) {
        return idempotency.execute(key, body, () -> {
            probe.ran(body.name);
            return Problems.response(ProblemType.CONFLICT, "Order " + body.name + " exists", List.of(), Map.of(),
                    request);
        });
    }

    /** Holds its action until the test opens the gate of {@link IdempotencyProbe}. */
    @POST
    @Path("/slow")
    public Response slow(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull OrderRequest body) {
        return idempotency.execute(key, body, () -> {
            int run = probe.ran(body.name);
            probe.holdWhileArmed();
            return created(body, run);
        });
    }

    @GET
    @Path("/runs/{name}")
    public Map<String, Integer> runs(@PathParam("name") String name) {
        return Map.of("runs", probe.runs(name));
    }

    private static Response created(OrderRequest body, int run) {
        String id = UUID.randomUUID().toString();
        return Response.created(URI.create("/test/v1/orders/" + id))
                .entity(new Order(id, body.name, body.quantity, run)).build();
    }
}
