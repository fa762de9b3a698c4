package io.dengta.targets.plan;

import java.util.List;

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
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/plans/{planCode}/actions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Actions", description = "Actions and projects of a plan, linked to the targets they serve")
public class ActionResource {

    private final ActionService actions;
    private final PlanAccess access;

    public ActionResource(ActionService actions, PlanAccess access) {
        this.actions = actions;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listActions", summary = "List the plan's actions and projects")
    public Page<ActionView> list(@PathParam("planCode") String planCode,
            @Parameter(description = "action, project") @QueryParam("kind") String kind,
            @Parameter(description = "Only actions serving this target (code)") @QueryParam("target") String target,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        PlanResource.requireCode(planCode);
        return actions.list(planCode, QueryParams.oneOf("kind", kind, List.of("action", "project")),
                QueryParams.matching("target", target, GoalResource.MEMBER_CODE, "a target code"),
                PageRequest.of(limit, cursor, null, null, ActionService.SORTABLE, "code"), access);
    }

    @GET
    @Path("/{actionCode}")
    @Operation(operationId = "getAction", summary = "Get an action or project")
    public Response get(@PathParam("planCode") String planCode, @PathParam("actionCode") String actionCode,
            @Context Request request) {
        GoalResource.requireCodes(planCode, "actionCode", actionCode);
        ActionView action = actions.get(planCode, actionCode, access);
        return ETags.read(request, action, action.version());
    }

    @PUT
    @Path("/{actionCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "putAction", summary = "Create or replace an action or project",
            description = "201 when created, 200 when replaced. `targets` lists the codes of the plan's targets it serves.")
    public Response put(@PathParam("planCode") String planCode, @PathParam("actionCode") String actionCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ActionInput body) {
        GoalResource.requireCodes(planCode, "actionCode", actionCode);
        ActionService.PutResult result = actions.put(planCode, actionCode, body, ifMatch, access);
        return ETags.written(result.created(), "/targets/v1/plans/" + planCode + "/actions/" + actionCode,
                result.action(), result.action().version());
    }

    @DELETE
    @Path("/{actionCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "deleteAction", summary = "Delete an action or project")
    public Response delete(@PathParam("planCode") String planCode, @PathParam("actionCode") String actionCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        GoalResource.requireCodes(planCode, "actionCode", actionCode);
        actions.delete(planCode, actionCode, ifMatch, access);
        return Response.noContent().build();
    }
}
