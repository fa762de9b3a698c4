package io.dengta.targets.checkin;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.PlanAccess;
import io.quarkus.security.Authenticated;

/** A target's progress reports: submitted here, listed oldest first. */
@Path("/targets/v1/targets/{targetId}/reports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Progress reports")
public class TargetReportsResource {

    private final ProgressReportService reports;
    private final PlanAccess access;
    private final Idempotency idempotency;

    public TargetReportsResource(ProgressReportService reports, PlanAccess access, Idempotency idempotency) {
        this.reports = reports;
        this.access = access;
        this.idempotency = idempotency;
    }

    record SubmitRequest(String path, ProgressReportInput body) {
    }

    @POST
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST, Roles.SCHOOL_CLERK })
    @Operation(operationId = "submitProgressReport", summary = "Report progress on a target",
            description = "A value for numeric targets, `done` for milestones. The plan's analysts and the clerks of the "
                    + "school the target is about may report. 201 with the report, status `submitted`.")
    public Response submit(@PathParam("targetId") String targetId,
            @Parameter(description = "Makes a retried submission safe: same key and body, same answer") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull ProgressReportInput body) {
        long target = ProgressReportResource.id("targetId", targetId);
        return idempotency.execute(idempotencyKey, new SubmitRequest("POST /targets/v1/targets/" + target + "/reports", body),
                () -> {
                    ProgressReportView report = reports.submit(target, body, access);
                    return Response.created(URI.create("/targets/v1/reports/" + report.id())).entity(report)
                            .tag(ETags.of(report.version())).build();
                });
    }

    @GET
    @Operation(operationId = "listTargetProgressReports", summary = "A target's progress reports, oldest first")
    public Page<ProgressReportView> listOfTarget(@PathParam("targetId") String targetId,
            @Parameter(description = "submitted, accepted, returned") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        return reports.list(new ProgressReportService.Filter(ProgressReportResource.id("targetId", targetId), null,
                QueryParams.oneOf("status", status, ProgressReportResource.STATUSES), null),
                PageRequest.of(limit, cursor, null, null, ProgressReportService.SORTABLE, "id"), access);
    }

}
