package io.dengta.targets.plan;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/plans/{planCode}/goals")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Goals", description = "A plan's goals, as a tree")
public class GoalResource {

    public static final Pattern MEMBER_CODE = Pattern.compile(GoalInput.CODE);

    private final GoalService goals;
    private final PlanAccess access;

    public GoalResource(GoalService goals, PlanAccess access) {
        this.goals = goals;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getGoalTree", summary = "The plan's goals as a tree, with the codes of their targets and actions")
    public GoalTree tree(@PathParam("planCode") String planCode) {
        PlanResource.requireCode(planCode);
        return goals.tree(planCode, access);
    }

    @GET
    @Path("/{goalCode}")
    @Operation(operationId = "getGoal", summary = "Get a goal")
    public Response get(@PathParam("planCode") String planCode, @PathParam("goalCode") String goalCode,
            @Context Request request) {
        requireCodes(planCode, "goalCode", goalCode);
        GoalView goal = goals.get(planCode, goalCode, access);
        return ETags.read(request, goal, goal.version());
    }

    @PUT
    @Path("/{goalCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "putGoal", summary = "Create or replace a goal",
            description = "201 when created, 200 when replaced. `parent` places it in the tree.")
    public Response put(@PathParam("planCode") String planCode, @PathParam("goalCode") String goalCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull GoalInput body) {
        requireCodes(planCode, "goalCode", goalCode);
        GoalService.PutResult result = goals.put(planCode, goalCode, body, ifMatch, access);
        return ETags.written(result.created(), "/targets/v1/plans/" + planCode + "/goals/" + goalCode, result.goal(),
                result.goal().version());
    }

    @DELETE
    @Path("/{goalCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "deleteGoal", summary = "Delete a goal that has no sub-goals, targets or actions")
    public Response delete(@PathParam("planCode") String planCode, @PathParam("goalCode") String goalCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCodes(planCode, "goalCode", goalCode);
        goals.delete(planCode, goalCode, ifMatch, access);
        return Response.noContent().build();
    }

    /** Checks a plan code and the code of something in the plan (goal, target, action). */
    public static void requireCodes(String planCode, String name, String code) {
        PlanResource.requireCode(planCode);
        if (code == null || !MEMBER_CODE.matcher(code).matches()) {
            throw ProblemException.invalid(name, "invalid_format",
                    "'" + code + "' is not a code (1 to 64 lower-case letters, digits or '-')");
        }
    }
}
