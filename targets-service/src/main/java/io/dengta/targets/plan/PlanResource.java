package io.dengta.targets.plan;

import java.util.List;
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
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Plans", description = "Plans of a region: five-year plans, three-year actions, annual plans, benchmarking actions")
public class PlanResource {

    static final Pattern PLAN_CODE = Pattern.compile(PlanInput.CODE);
    static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final PlanService plans;
    private final PlanBundleService bundles;
    private final PlanAccess access;

    public PlanResource(PlanService plans, PlanBundleService bundles, PlanAccess access) {
        this.plans = plans;
        this.bundles = bundles;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listPlans", summary = "List plans in the caller's scope",
            description = "Filters combine with AND. Sortable by code, updatedAt.")
    public Page<PlanView> list(
            @Parameter(description = "Owner region; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "draft, active, closed") @QueryParam("status") String status,
            @Parameter(description = "five-year, three-year-action, annual, benchmarking") @QueryParam("kind") String kind,
            @Parameter(description = "e.g. `seed` for the demo plans") @QueryParam("source") String source,
            @Parameter(description = "Only plans changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        PlanService.Filter filter = new PlanService.Filter(
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.oneOf("status", status, List.of("draft", "active", "closed")),
                QueryParams.oneOf("kind", kind, List.of("five-year", "three-year-action", "annual", "benchmarking")),
                source == null || source.isBlank() ? null : source.trim(),
                QueryParams.instant("updatedSince", updatedSince));
        return plans.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, PlanService.SORTABLE, "code"),
                access.listScope());
    }

    @GET
    @Path("/{planCode}")
    @Operation(operationId = "getPlan", summary = "Get a plan")
    public Response get(@PathParam("planCode") String planCode, @Context Request request) {
        requireCode(planCode);
        PlanView plan = plans.get(planCode, access);
        return ETags.read(request, plan, plan.version());
    }

    @PUT
    @Path("/{planCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "putPlan", summary = "Create or replace a plan",
            description = "201 when created, 200 when replaced. Bureau analysts manage the plans of their region and its "
                    + "sub-regions. Send If-Match with the ETag you read.")
    public Response put(@PathParam("planCode") String planCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PlanInput body) {
        requireCode(planCode);
        PlanService.PutResult result = plans.put(planCode, body, ifMatch, access);
        return ETags.written(result.created(), "/targets/v1/plans/" + planCode, result.plan(), result.plan().version());
    }

    @PUT
    @Path("/{planCode}/bundle")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "putPlanBundle", summary = "Create or replace a whole plan: the plan, its goals, targets and actions",
            description = "Each part is created or replaced by its code, with the same rules as its own PUT, in one "
                    + "transaction (all or nothing); parts not in the bundle are left as they are. Errors point into the "
                    + "bundle (`/targets/3/deadline`). The report counts created, updated and unchanged parts and lists "
                    + "unverified targets and warnings. This is how the demo plans (`samples/plans/*.json`) are loaded.")
    public PlanBundleReport putBundle(@PathParam("planCode") String planCode, @Context HttpHeaders headers,
            @Valid @NotNull PlanBundle body) {
        requireCode(planCode);
        return bundles.load(planCode, body, headers.getHeaderString(HttpHeaders.AUTHORIZATION), access);
    }

    @DELETE
    @Path("/{planCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "deletePlan", summary = "Delete a plan with its goals, targets, actions and progress reports",
            description = "For plans created by mistake; a plan that ends is `closed` instead.")
    public Response delete(@PathParam("planCode") String planCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(planCode);
        plans.delete(planCode, ifMatch, access);
        return Response.noContent().build();
    }

    public static void requireCode(String code) {
        if (code == null || !PLAN_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("planCode", "invalid_format",
                    "'" + code + "' is not a plan code (2 to 64 lower-case letters, digits or '-')");
        }
    }
}
