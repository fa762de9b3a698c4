package io.dengta.targets.progress;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
                    + "`stale` is true when any target's answer is the last known one.")
    public PlanProgressView get(@PathParam("planCode") String planCode,
            @Parameter(description = "ISO date (default today, Beijing time)") @QueryParam("asOf") String asOf,
            @HeaderParam("Authorization") String authorization) {
        TargetDefinitions.PlanRow plan = targets.plan(planCode).orElseThrow(() -> ProblemException.notFound("No plan " + planCode));
        access.requireReadPlan(plan.ownerRegion(), "plan " + planCode);
        return progress.plan(plan, ProgressParams.asOf(asOf), authorization);
    }
}
