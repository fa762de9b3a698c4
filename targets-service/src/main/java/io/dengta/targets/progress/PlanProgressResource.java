package io.dengta.targets.progress;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/plans/{planCode}/progress")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class PlanProgressResource {

    private final TargetDefinitions targets;
    private final ProgressService progress;
    private final ProgressAccess access;

    public PlanProgressResource(TargetDefinitions targets, ProgressService progress, ProgressAccess access) {
        this.targets = targets;
        this.progress = progress;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getPlanProgress", summary = "A plan's goal tree with every target's progress and the roll-ups",
            description = "Each goal rolls up its own targets and its sub-goals' (count per status, worst status: "
                    + "overdue < off-track < at-risk < no-data < on-track < achieved); the plan rolls up its top goals. "
                    + "`stale` is true when any target's answer is the last known one. As of today the tree is served "
                    + "from the progress stored at recomputation (targets never computed, changed since, or stale are "
                    + "computed first); another `asOf` is computed live. Each target comes without the chart's points "
                    + "(`trajectory`, `actuals`) unless `include=points`; `fields=summary` gives the roll-ups only. "
                    + "The ETag changes when any stored progress does: send it back in `If-None-Match` for a 304.")
    @APIResponse(responseCode = "200", description = "The tree",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanProgressView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("planCode") String planCode,
            @Parameter(description = "ISO date (default today, Beijing time)") @QueryParam("asOf") String asOf,
            @Parameter(description = "`points`: each target with its `trajectory` and `actuals` (for charts)") @QueryParam("include") String include,
            @Parameter(description = "`summary`: the plan's and goals' roll-ups without the targets") @QueryParam("fields") String fields,
            @HeaderParam("Authorization") String authorization, @Context Request request) {
        ProgressService.PlanDetail detail = detail(include, fields);
        TargetDefinitions.PlanRow plan = targets.plan(planCode).orElseThrow(() -> ProblemException.notFound("No plan " + planCode));
        access.requireReadPlan(plan.ownerRegion(), "plan " + planCode);
        ProgressService.PlanAnswer answer = progress.plan(plan, ProgressParams.asOf(asOf), detail, authorization);
        EntityTag tag = new EntityTag(answer.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return notModified != null ? notModified.build() : Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }

    static ProgressService.PlanDetail detail(String include, String fields) {
        List<FieldError> errors = new ArrayList<>();
        if (include != null && !include.isBlank() && !"points".equals(include.trim())) {
            errors.add(new FieldError("include", "invalid_value", "include is points (or absent)"));
        }
        if (fields != null && !fields.isBlank() && !"summary".equals(fields.trim())) {
            errors.add(new FieldError("fields", "invalid_value", "fields is summary (or absent)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (fields != null && !fields.isBlank()) {
            return ProgressService.PlanDetail.SUMMARY;
        }
        return include != null && !include.isBlank() ? ProgressService.PlanDetail.POINTS : ProgressService.PlanDetail.TARGETS;
    }
}
