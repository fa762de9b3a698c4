package io.dengta.targets.target;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.PlanAccess;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Targets", description = "Measurable targets under a plan's goals: indicator, change, count and milestone targets")
public class TargetResource {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern UNIT_CODE = Pattern.compile("\\d{6}|\\d{10}");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final TargetService targets;
    private final TargetVerification verification;
    private final PlanAccess access;
    private final CallerScope caller;

    public TargetResource(TargetService targets, TargetVerification verification, PlanAccess access,
            CallerScope caller) {
        this.targets = targets;
        this.verification = verification;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listTargets", summary = "List targets in the caller's scope",
            description = "Filters combine with AND. Sortable by id, code, updatedAt.")
    public Page<TargetView> list(
            @QueryParam("plan") String plan,
            @QueryParam("goal") String goal,
            @Parameter(description = "The unit's region (a school's region for school units); includes sub-regions") @QueryParam("region") String region,
            @Parameter(description = "A region or school code") @QueryParam("unit") String unit,
            @Parameter(description = "indicator, change, count, milestone") @QueryParam("kind") String kind,
            @QueryParam("indicator") String indicator,
            @Parameter(description = "verified, unverified, rejected") @QueryParam("verification") String verificationStatus,
            @Parameter(description = "indicators, registry, reports") @QueryParam("actualSource") String actualSource,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `code`, `-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        TargetService.Filter filter = new TargetService.Filter(
                QueryParams.matching("plan", plan, Pattern.compile(io.dengta.targets.plan.PlanInput.CODE), "a plan code"),
                QueryParams.matching("goal", goal, Pattern.compile("[a-z0-9][a-z0-9-]{0,63}"), "a goal code"),
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.matching("unit", unit, UNIT_CODE, "a 6-digit region or 10-digit school code"),
                QueryParams.oneOf("kind", kind, List.of("indicator", "change", "count", "milestone")),
                QueryParams.matching("indicator", indicator, INDICATOR_CODE, "an indicator code"),
                QueryParams.oneOf("verification", verificationStatus, List.of(Target.VERIFIED, Target.UNVERIFIED, Target.REJECTED)),
                QueryParams.oneOf("actualSource", actualSource, List.of("indicators", "registry", "reports")));
        return targets.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, TargetService.SORTABLE, "id"),
                access.listScope());
    }

    @GET
    @Path("/{targetId}")
    @Operation(operationId = "getTarget", summary = "Get a target by id")
    public Response get(@PathParam("targetId") String targetId, @Context Request request) {
        TargetView target = targets.get(id(targetId), access);
        return ETags.read(request, target, target.version());
    }

    @DELETE
    @Path("/{targetId}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "deleteTarget", summary = "Delete a target with its progress reports",
            description = "409 while actions are linked to it.")
    public Response delete(@PathParam("targetId") String targetId,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        targets.delete(id(targetId), ifMatch, access);
        return Response.noContent().build();
    }

    @POST
    @Path("/recheck")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "recheckTargets", summary = "Re-check unverified targets with indicators-service",
            description = "Targets of plans the caller manages, oldest first, at most `limit` (default 200).")
    public TargetVerification.Report recheck(@Context HttpHeaders headers,
            @Parameter(description = "1 to 1000 (default 200)") @QueryParam("limit") String limit) {
        int max = limit == null || limit.isBlank() ? 200 : PageRequest.of(limit, null, null, null, List.of("id"), "id").limit();
        return verification.recheckUnverified(headers.getHeaderString(HttpHeaders.AUTHORIZATION),
                caller.unrestricted() ? null : caller.regionPrefixes(), max);
    }

    public static long id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ProblemException.invalid("targetId", "invalid_format", "'" + value + "' is not a target id");
        }
        return Long.parseLong(value);
    }
}
