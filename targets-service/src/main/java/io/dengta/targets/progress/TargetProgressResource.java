package io.dengta.targets.progress;

import java.util.List;

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

import io.dengta.commons.paging.PageRequest;
import io.quarkus.security.Authenticated;

@Path("/targets/v1/targets/{targetId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Progress", description = "Computed progress, status, forecasts and status history")
public class TargetProgressResource {

    private final TargetDefinitions targets;
    private final ProgressEngine engine;
    private final ProgressStore store;
    private final ProgressAccess access;

    public TargetProgressResource(TargetDefinitions targets, ProgressEngine engine, ProgressStore store, ProgressAccess access) {
        this.targets = targets;
        this.engine = engine;
        this.store = store;
        this.access = access;
    }

    @GET
    @Path("/progress")
    @Operation(operationId = "getTargetProgress", summary = "A target's progress on a day",
            description = "Latest actual, the trajectory's expected value, progress share, status (achieved, on-track, "
                    + "at-risk, off-track, no-data, overdue) with its reason, the linear-trend forecast at the deadline "
                    + "with the number of points, freshness, and the points to draw the trajectory chart. Computed live "
                    + "from the sources; when one cannot be read the answer is the last recomputed progress with "
                    + "`stale: true` and `staleReason`.")
    public ProgressView progress(@PathParam("targetId") String targetId,
            @Parameter(description = "ISO date (default today, Beijing time)") @QueryParam("asOf") String asOf,
            @HeaderParam("Authorization") String authorization) {
        TargetDefinition t = target(targetId);
        return engine.progress(t, ProgressParams.asOf(asOf), authorization);
    }

    @GET
    @Path("/status-history")
    @Operation(operationId = "getTargetStatusHistory", summary = "Every recomputation that changed the target's status, newest first",
            description = "Each entry has the previous and new status, the reason, the day it was computed for, and the "
                    + "inputs (the target's definition and the actuals) that produced it. Page with `before` = the "
                    + "smallest id seen.")
    public List<ProgressStore.StatusChange> history(@PathParam("targetId") String targetId,
            @Parameter(description = "Only entries with a smaller id") @QueryParam("before") String before,
            @Parameter(description = "1 to 1000 (default 50)") @QueryParam("limit") String limit) {
        PageRequest page = PageRequest.of(limit, null, null, null, List.of("id"), "id");
        TargetDefinition t = target(targetId);
        return store.history(t.id(), ProgressParams.before(before), page.limit());
    }

    private TargetDefinition target(String targetId) {
        long id = ProgressParams.id("targetId", targetId);
        TargetDefinition t = targets.byId(id).orElseThrow(() -> io.dengta.commons.problem.ProblemException.notFound("No target " + id));
        access.requireReadTarget(t, "target " + id);
        return t;
    }
}
