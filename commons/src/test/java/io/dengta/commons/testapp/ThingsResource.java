package io.dengta.commons.testapp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;
import io.dengta.commons.security.Roles;

/** Endpoints whose failures exercise every path to a problem+json answer. */
@Path("/test/v1/things")
@Produces(MediaType.APPLICATION_JSON)
public class ThingsResource {

    @Inject
    DataSource dataSource;

    @GET
    @RolesAllowed({ Roles.BUREAU_ANALYST, Roles.PLATFORM_ADMIN })
    public List<String> list() {
        return List.of("a", "b");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.BUREAU_ANALYST, Roles.PLATFORM_ADMIN })
    public Response create(@Valid @NotNull ThingRequest body) {
        return Response.status(201).entity(Map.of("name", body.name, "capacitySeats", body.capacitySeats)).build();
    }

    @GET
    @Path("/by-code/{code}")
    @PermitAll
    public Map<String, String> byCode(@PathParam("code") @Pattern(regexp = "\\d{10}") String code) {
        return Map.of("code", code);
    }

    @GET
    @Path("/search")
    @PermitAll
    public Map<String, Object> search(@QueryParam("minSeats") @Min(1) Integer minSeats,
            @QueryParam("region") @Pattern(regexp = "\\d{6}") String region) {
        return Map.of("minSeats", minSeats == null ? 0 : minSeats, "region", region == null ? "" : region);
    }

    /** Fails with a message that must never reach the client. */
    @GET
    @Path("/boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException(
                "select national_id from teacher where id = 42 failed at io.dengta.secret.Dao.load(Dao.java:12)");
    }

    /** Fails inside the JDBC driver: SQL and the driver's exception must never reach the client. */
    @GET
    @Path("/sql-boom")
    @PermitAll
    public String sqlBoom() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("select secret_column from no_such_table_xyz");
        }
        return "unreachable";
    }

    /** Fails the way a lost database connection does (SQL state class 08), wrapped by a data layer. */
    @GET
    @Path("/db-unreachable")
    @PermitAll
    public String dbUnreachable() {
        throw new IllegalStateException("query failed",
                new SQLException("Connection to 10.0.0.7:5432 refused; select * from teacher", "08001"));
    }

    @GET
    @Path("/rate-limited")
    @PermitAll
    public String rateLimited() {
        throw new ProblemException(ProblemType.RATE_LIMITED, "Slow down", List.of(), Map.of("Retry-After", "30"));
    }

    @GET
    @Path("/missing")
    @PermitAll
    public String missing() {
        throw new NotFoundException();
    }

    /** No security annotation: denied by quarkus.security.jaxrs.deny-unannotated-endpoints. */
    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "should never be served";
    }

    @GET
    @Path("/instant")
    @PermitAll
    public Map<String, Instant> instant() {
        return Map.of("at", Instant.parse("2024-09-01T08:00:00Z"));
    }
}
