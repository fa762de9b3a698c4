package io.dengta.targets.checkin;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.PlanAccess;
import io.dengta.targets.plan.PlanInput;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Progress reports", description = "Check-ins on targets: submitted, then accepted or returned by the region's analysts")
public class ProgressReportResource {

    private static final Pattern ID = Pattern.compile("\\d{1,18}");
    static final List<String> STATUSES = List.of("submitted", "accepted", "returned");

    private final ProgressReportService reports;
    private final PlanAccess access;

    public ProgressReportResource(ProgressReportService reports, PlanAccess access) {
        this.reports = reports;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listProgressReports", summary = "Progress reports in the caller's scope (e.g. the review queue)",
            description = "`status=submitted&region=320113` lists what Qixia's analysts have to review.")
    public Page<ProgressReportView> list(
            @QueryParam("plan") String plan,
            @Parameter(description = "submitted, accepted, returned") @QueryParam("status") String status,
            @Parameter(description = "The plan owner's region; includes sub-regions") @QueryParam("region") String region,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "id or updatedAt, e.g. `-updatedAt`") @QueryParam("sort") String sort) {
        return reports.list(new ProgressReportService.Filter(null,
                QueryParams.matching("plan", plan, Pattern.compile(PlanInput.CODE), "a plan code"),
                QueryParams.oneOf("status", status, STATUSES),
                QueryParams.matching("region", region, Pattern.compile("\\d{6}"), "a 6-digit region code")),
                PageRequest.of(limit, cursor, sort, null, ProgressReportService.SORTABLE, "id"), access);
    }

    @GET
    @Path("/{reportId}")
    @Operation(operationId = "getProgressReport", summary = "Get a progress report")
    public Response get(@PathParam("reportId") String reportId, @Context Request request) {
        ProgressReportView report = reports.get(id("reportId", reportId), access);
        return ETags.read(request, report, report.version());
    }

    @PUT
    @Path("/{reportId}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST, Roles.SCHOOL_CLERK })
    @Operation(operationId = "reviseProgressReport", summary = "Revise a submitted or returned report",
            description = "By its reporter or the plan's analysts; the report is submitted again. 409 once accepted.")
    public Response revise(@PathParam("reportId") String reportId,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ProgressReportInput body) {
        ProgressReportView report = reports.revise(id("reportId", reportId), body, ifMatch, access);
        return Response.ok(report).tag(ETags.of(report.version())).build();
    }

    @POST
    @Path("/{reportId}/review")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "reviewProgressReport", summary = "Accept or return a submitted report",
            description = "By the analysts of the plan's region. Accepted reports count as actuals for targets whose "
                    + "actual source is `reports`. A returned report needs a comment saying why.")
    public Response review(@PathParam("reportId") String reportId,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewInput body) {
        ProgressReportView report = reports.review(id("reportId", reportId), body, ifMatch, access);
        return Response.ok(report).tag(ETags.of(report.version())).build();
    }

    static long id(String name, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ProblemException.invalid(name, "invalid_format", "'" + value + "' is not an id");
        }
        return Long.parseLong(value);
    }
}
