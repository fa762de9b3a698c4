package io.dengta.indicators.benchmark;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.indicators.score.ScoreAccess;
import io.dengta.indicators.score.ScoreResource;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/benchmark-groups")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Benchmark groups", description = "对标组: a region and the peers it benchmarks itself against "
        + "(lighthouse 灯塔标杆, catch-up 赶超标杆, peer), and the gaps to them on a framework")
public class BenchmarkGroupResource {

    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern UUID_FORMAT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What identifies a create request for Idempotency-Key: the operation and the body. */
    record CreateRequest(String operation, BenchmarkGroupInput body) {
    }

    private final BenchmarkGroupService groups;
    private final GapService gaps;
    private final BenchmarkGroupAccess access;
    private final ScoreAccess values;
    private final Idempotency idempotency;

    public BenchmarkGroupResource(BenchmarkGroupService groups, GapService gaps, BenchmarkGroupAccess access,
            ScoreAccess values, Idempotency idempotency) {
        this.groups = groups;
        this.gaps = gaps;
        this.access = access;
        this.values = values;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listBenchmarkGroups", summary = "List the benchmark groups in the caller's scope",
            description = "Groups whose owner region the caller's scope covers. Filters combine with AND. Sortable by "
                    + "name, updatedAt, id (default name).")
    public Page<BenchmarkGroupView> list(
            @Parameter(description = "Owned by this region or a region below it") @QueryParam("owner") String owner,
            @Parameter(description = "Takes this region as a peer") @QueryParam("peer") String peer,
            @Parameter(description = "Has a peer of this role: lighthouse, catch-up, peer") @QueryParam("role") String role,
            @Parameter(description = "Part of the name") @QueryParam("q") String q,
            @Parameter(description = "Only groups changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        BenchmarkGroupService.Filter filter = new BenchmarkGroupService.Filter(
                QueryParams.matching("owner", owner, REGION, "a 6-digit region code"),
                QueryParams.matching("peer", peer, REGION, "a 6-digit region code"),
                QueryParams.oneOf("role", role, GapCalculator.ROLES),
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.instant("updatedSince", updatedSince));
        return groups.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, BenchmarkGroupService.SORTABLE,
                "name"), access.listScope());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "createBenchmarkGroup", summary = "Create a benchmark group",
            description = "201 with Location. Platform admins, and bureau analysts whose scope covers the owner "
                    + "region (403 otherwise). Rejected with 400 and every problem at once: region codes not of the "
                    + "GB/T 2260 form, no peers, the owner among its peers, a region twice. A second group of the "
                    + "same owner and name is a 409 naming the first. With Idempotency-Key, a retry with the same "
                    + "body answers the first response again.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BenchmarkGroupView.class)))
    @APIResponse(responseCode = "409", description = "The owner already has a group of that name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(
            @Parameter(description = "Makes a retried create safe: same key and body, same answer") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull BenchmarkGroupInput body) {
        return idempotency.execute(idempotencyKey, new CreateRequest("POST /indicators/v1/benchmark-groups", body), () -> {
            BenchmarkGroupView created = groups.create(body, access);
            return Response.created(URI.create("/indicators/v1/benchmark-groups/" + created.id()))
                    .entity(created).tag(ETags.of(created.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getBenchmarkGroup", summary = "Get a benchmark group",
            description = "404 when it does not exist or its owner region is outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The group; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BenchmarkGroupView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("id") String id, @Context Request request) {
        BenchmarkGroupView group = groups.get(uuid(id), access);
        return ETags.read(request, group, group.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "replaceBenchmarkGroup", summary = "Replace a benchmark group",
            description = "Send If-Match with the ETag you read (412 when it is stale). The same rules as for a "
                    + "create; moving a group to another owner needs the scope of both. 403 out of scope.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BenchmarkGroupView.class)))
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull BenchmarkGroupInput body) {
        BenchmarkGroupView group = groups.replace(uuid(id), body, ifMatch, access);
        return Response.ok(group).tag(ETags.of(group.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "deleteBenchmarkGroup", summary = "Delete a benchmark group",
            description = "Send If-Match with the ETag you read. The change feed reports the deletion as a tombstone "
                    + "(resource type benchmark-group).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        groups.delete(uuid(id), ifMatch, access);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/gaps")
    @Operation(operationId = "getBenchmarkGaps", summary = "Gaps of the owner to its peers on a framework (找差距)",
            description = "One row per indicator of the framework version in force in the period's year (or "
                    + "`version`): the owner's value, target and points (as in the framework's scores), each peer's "
                    + "value, role, gap and rank, the gap to the best peer and to the best peer of each role, the "
                    + "owner's rank in the group, and the points it loses. Gaps are signed so that positive means the "
                    + "owner is behind: peer − owner for higher-better, owner − peer for lower-better, and for band "
                    + "indicators the difference of the distances outside the band. Ranks: 1 = best, ties share a "
                    + "rank. Rows are sorted by the owner's points lost (most first); indicators the owner cannot be "
                    + "scored on follow, with their reason, never dropped. The owner's values count as the caller "
                    + "may read them; peers outside the caller's scope count with approved values only.")
    @APIResponse(responseCode = "200", description = "The gaps",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GapsView.class)))
    @APIResponse(responseCode = "404", description = "Unknown group (or out of scope), framework or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public GapsView gaps(@PathParam("id") String id,
            @Parameter(description = "Framework code, e.g. js-modernization-2013", required = true) @QueryParam("framework") String framework,
            @Parameter(description = "Period code, e.g. 2024 or 2024Sep", required = true) @QueryParam("period") String period,
            @Parameter(description = "effectiveFromYear of the framework version (default: in force in the period's year)")
            @QueryParam("version") String version,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage) {
        UUID groupId = uuid(id);
        ScoreResource.Params p = ScoreResource.Params.parse("framework", framework, List.of(), false, period, version,
                stage);
        return gaps.gaps(groupId, framework, p.version(), p.period(), p.stage(), access, values);
    }

    private static UUID uuid(String id) {
        if (id == null || !UUID_FORMAT.matcher(id).matches()) {
            throw ProblemException.invalid("id", "invalid_format", "'" + id + "' is not a benchmark group id (a UUID)");
        }
        return UUID.fromString(id);
    }
}
