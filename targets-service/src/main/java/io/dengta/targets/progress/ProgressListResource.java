package io.dengta.targets.progress;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.paging.Cursor;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.commons.security.Roles;
import io.dengta.targets.plan.PlanAccess;
import io.quarkus.security.Authenticated;

@Path("/targets/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress")
public class ProgressListResource {

    private static final List<String> STATUSES = List.of("achieved", "on-track", "at-risk", "off-track", "no-data", "overdue");

    private final TargetDefinitions targets;
    private final ProgressService progress;
    private final ProgressStore store;
    private final ProgressAccess access;

    public ProgressListResource(TargetDefinitions targets, ProgressService progress, ProgressStore store, ProgressAccess access) {
        this.targets = targets;
        this.progress = progress;
        this.store = store;
        this.access = access;
    }

    @GET
    @Path("/progress")
    @Operation(operationId = "listProgress", summary = "Targets' last recomputed progress, for dashboards",
            description = "The progress stored by the last recomputation (after new observations or POST /recompute), "
                    + "in target id order, within your scope; `region` narrows to plans owned by the region and its "
                    + "sub-regions, `status` to one status (e.g. at-risk). Cursor paging.")
    public Page<ProgressView> list(
            @Parameter(description = "6-digit region code of the plans' owner; includes sub-regions") @QueryParam("region") String region,
            @Parameter(description = "achieved, on-track, at-risk, off-track, no-data, overdue") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        if (region != null && !region.isBlank() && !RegionCodes.isValid(region)) {
            errors.add(new FieldError("region", "invalid_region", "a 6-digit region code"));
        }
        String wanted = null;
        try {
            wanted = QueryParams.oneOf("status", status, STATUSES);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        PageRequest page = null;
        try {
            page = PageRequest.of(limit, cursor, null, null, List.of("id"), "id");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        long after = page.cursor() == null ? 0 : parseId(Cursor.decode(page.cursor(), 1).get(0));
        PlanAccess.ListScope scope = access.listScope();
        boolean byRegion = region != null && !region.isBlank();
        List<String> prefixes = narrow(scope.unrestricted() ? null : scope.regionPrefixes(),
                byRegion ? RegionCodes.coveragePrefix(region) : null);
        // A clerk also sees the targets about their schools, unless a region is asked for.
        List<String> schools = scope.unrestricted() || byRegion ? List.of() : scope.schools();
        List<ProgressView> rows = store.stored(prefixes, schools, wanted, after, page.limit() + 1);
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            next = Cursor.encode(List.of(Long.toString(rows.get(rows.size() - 1).targetId())));
        }
        return new Page<>(List.copyOf(rows), next, null);
    }

    @POST
    @Path("/recompute")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.BUREAU_ANALYST })
    @Operation(operationId = "recomputeProgress", summary = "Recompute targets' progress as of today and store what changed",
            description = "Idempotent: targets whose definition and actuals are unchanged since the last recomputation "
                    + "write nothing (a second call answers `updated: 0`). A changed status adds a status-history entry "
                    + "with its inputs. Targets whose source cannot be read keep their last progress and are counted "
                    + "as `unavailable` with the reasons. Analysts recompute their region's plans; `plan` narrows to one.")
    public ProgressService.RecomputeView recompute(
            @Parameter(description = "Only this plan's targets") @QueryParam("plan") String plan,
            @HeaderParam("Authorization") String authorization) {
        List<TargetDefinition> defs;
        if (plan != null && !plan.isBlank()) {
            TargetDefinitions.PlanRow row = targets.plan(plan).orElseThrow(() -> ProblemException.notFound("No plan " + plan));
            access.requireRecompute(row.ownerRegion());
            defs = targets.ofPlan(plan);
        } else {
            access.requireRecompute(null);
            PlanAccess.ListScope scope = access.listScope();
            defs = targets.inScope(scope.unrestricted() ? null : scope.regionPrefixes());
        }
        return progress.recompute(defs, authorization);
    }

    /** The caller's prefixes narrowed to {@code regionPrefix}; null means no restriction. */
    static List<String> narrow(List<String> scope, String regionPrefix) {
        if (regionPrefix == null) {
            return scope;
        }
        if (scope == null) {
            return List.of(regionPrefix);
        }
        List<String> out = new ArrayList<>();
        for (String p : scope) {
            if (regionPrefix.startsWith(p)) {
                out.add(regionPrefix);
            } else if (p.startsWith(regionPrefix)) {
                out.add(p);
            }
        }
        return out;
    }

    private static long parseId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "invalid_cursor", "not a cursor of this list");
        }
    }
}
