package io.dengta.targets.target;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.GoalResource;
import io.dengta.targets.plan.PlanAccess;
import io.dengta.targets.plan.PlanResource;
import io.dengta.targets.plan.PlanService;
import io.quarkus.security.Authenticated;

/** A plan's targets by code: the natural key for create-or-replace. */
@Path("/targets/v1/plans/{planCode}/targets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Targets")
public class PlanTargetResource {

    private final TargetService targets;
    private final PlanService plans;
    private final PlanAccess access;

    public PlanTargetResource(TargetService targets, PlanService plans, PlanAccess access) {
        this.targets = targets;
        this.plans = plans;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listPlanTargets", summary = "List a plan's targets")
    public Page<TargetView> listOfPlan(@PathParam("planCode") String planCode,
            @QueryParam("goal") String goal,
            @Parameter(description = "indicator, change, count, milestone") @QueryParam("kind") String kind,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        PlanResource.requireCode(planCode);
        plans.find(planCode, access); // 404 for a plan out of scope, not an empty list
        return targets.list(new TargetService.Filter(planCode,
                QueryParams.matching("goal", goal, GoalResource.MEMBER_CODE, "a goal code"), null, null,
                QueryParams.oneOf("kind", kind, List.of("indicator", "change", "count", "milestone")), null, null, null),
                PageRequest.of(limit, cursor, null, null, TargetService.SORTABLE, "id"), access.listScope());
    }

    @GET
    @Path("/{targetCode}")
    @Operation(operationId = "getPlanTarget", summary = "Get a target by plan and code")
    public Response getByCode(@PathParam("planCode") String planCode, @PathParam("targetCode") String targetCode,
            @Context Request request) {
        GoalResource.requireCodes(planCode, "targetCode", targetCode);
        TargetView target = targets.getByCode(planCode, targetCode, access);
        return ETags.read(request, target, target.version());
    }

    @PUT
    @Path("/{targetCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "putPlanTarget", summary = "Create or replace a target",
            description = "201 when created, 200 when replaced. The indicator code is checked with indicators-service: an "
                    + "unknown code is a 400; when indicators-service cannot answer, the target is accepted with "
                    + "`verification: unverified` and a `verificationNote`, and re-checked later. `warnings` lists "
                    + "non-blocking findings such as a comparator against the indicator's direction.")
    public Response put(@PathParam("planCode") String planCode, @PathParam("targetCode") String targetCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Context HttpHeaders headers, @Valid @NotNull TargetInput body) {
        GoalResource.requireCodes(planCode, "targetCode", targetCode);
        TargetWriter.Result result = targets.put(planCode, targetCode, body, ifMatch,
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), access);
        return ETags.written(result.created(), "/targets/v1/targets/" + result.target().id(), result.target(),
                result.target().version());
    }

}
