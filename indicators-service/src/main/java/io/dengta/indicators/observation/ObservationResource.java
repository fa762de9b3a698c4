package io.dengta.indicators.observation;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/observations/{indicator}/{unit}/{period}")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Observations", description = "Data values by indicator, unit (region or school) and period")
public class ObservationResource {

    private final ObservationService observations;
    private final ObservationAccess access;

    public ObservationResource(ObservationService observations, ObservationAccess access) {
        this.observations = observations;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getObservation", summary = "Get an observation",
            description = "Within your scope; viewers see approved observations only. Deleted observations, unknown "
                    + "indicators and observations outside your scope are not found (404).")
    public Response get(
            @Parameter(description = "Indicator code, e.g. qb.key_teachers_per100") @PathParam("indicator") String indicator,
            @Parameter(description = "6-digit region code or 10-digit school code") @PathParam("unit") String unit,
            @Parameter(description = "2024, 2024S1, 2024Q1, 202401, 2024Sep or 2024SepT1") @PathParam("period") String period,
            @Parameter(description = "Required for indicators reported per stage (optional when it has one stage)") @QueryParam("stage") String stage,
            @Context Request request) {
        ObservationView o = observations.get(indicator, unit, period, stage, access);
        return ETags.read(request, o, o.version());
    }

    @PUT
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "putObservation", summary = "Create or replace an observation",
            description = "201 when created (also over a deleted one), 200 when replaced or unchanged (an identical body "
                    + "changes nothing: same version, no history entry). Platform admins, and data feeds for units in "
                    + "their scope (403 otherwise). Send If-Match with the ETag you read (412 when it changed). Unknown "
                    + "indicator: 404; every other problem of path, stage and body at once: 400.")
    public Response put(@PathParam("indicator") String indicator, @PathParam("unit") String unit,
            @PathParam("period") String period, @QueryParam("stage") String stage,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @NotNull ObservationInput body) {
        ObservationService.PutResult result = observations.put(indicator, unit, period, stage, body, ifMatch, access);
        ObservationView o = result.observation();
        Response.ResponseBuilder response = result.created()
                ? Response.created(URI.create("/indicators/v1/observations/" + o.indicator() + "/" + o.unit() + "/"
                        + o.period() + (o.stage() == null ? "" : "?stage=" + o.stage())))
                : Response.ok();
        return response.entity(o).tag(ETags.of(o.version())).build();
    }

    @DELETE
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "deleteObservation", summary = "Delete an observation",
            description = "Soft delete: reads no longer show it, its history is kept (and readable), the change feed "
                    + "reports a tombstone (`operation: delete`). A later PUT or import of the same key creates it again.")
    public Response delete(@PathParam("indicator") String indicator, @PathParam("unit") String unit,
            @PathParam("period") String period, @QueryParam("stage") String stage,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        observations.delete(indicator, unit, period, stage, ifMatch, access);
        return Response.noContent().build();
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "getObservationHistory", summary = "Every change of an observation, newest first",
            description = "Who (subject, client), when, which request, and the observation before and after; also for "
                    + "a deleted observation. Within your scope; not for viewers.")
    public Page<ObservationHistoryEntry> history(@PathParam("indicator") String indicator, @PathParam("unit") String unit,
            @PathParam("period") String period, @QueryParam("stage") String stage,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, null, null, List.of("at"), "at");
        return observations.history(indicator, unit, period, stage, page.cursor(), page.limit(), access);
    }
}
