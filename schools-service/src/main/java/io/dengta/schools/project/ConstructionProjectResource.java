package io.dengta.schools.project;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.school.SchoolAccess;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/construction-projects")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Construction projects", description = "校建工程: projects that build, extend or renovate schools and the "
        + "seats they add, with their status lifecycle and opening dates")
public class ConstructionProjectResource {

    private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9-]{4,32}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");

    private final ConstructionProjectService projects;
    private final SchoolAccess access;

    public ConstructionProjectResource(ConstructionProjectService projects, SchoolAccess access) {
        this.projects = projects;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listConstructionProjects", summary = "List construction projects in the caller's scope",
            description = "Filters combine with AND; date ranges are inclusive. Sortable by code, name, updatedAt. "
                    + "A caller sees the projects of the regions in scope and of the schools in scope.")
    public Page<ConstructionProjectView> list(
            @Parameter(description = "Region code; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "planned, approved, under-construction, completed, in-use") @QueryParam("status") String status,
            @Parameter(description = "new-school, expansion, renovation") @QueryParam("kind") String kind,
            @Parameter(description = "The school's 10-digit code") @QueryParam("school") String school,
            @Parameter(description = "Expected opening on or after this date") @QueryParam("expectedOpeningFrom") String expectedOpeningFrom,
            @Parameter(description = "Expected opening on or before this date") @QueryParam("expectedOpeningTo") String expectedOpeningTo,
            @Parameter(description = "Actually opened on or after this date") @QueryParam("openedFrom") String openedFrom,
            @Parameter(description = "Actually opened on or before this date") @QueryParam("openedTo") String openedTo,
            @Parameter(description = "Only projects changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        LocalDate expectedFrom = date("expectedOpeningFrom", expectedOpeningFrom);
        LocalDate expectedTo = date("expectedOpeningTo", expectedOpeningTo);
        requireOrdered("expectedOpeningTo", expectedFrom, expectedTo);
        LocalDate openedSince = date("openedFrom", openedFrom);
        LocalDate openedUntil = date("openedTo", openedTo);
        requireOrdered("openedTo", openedSince, openedUntil);
        ConstructionProjectService.Filter filter = new ConstructionProjectService.Filter(
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.oneOf("status", status, ProjectLifecycle.STATUSES),
                QueryParams.oneOf("kind", kind, List.of("new-school", "expansion", "renovation")),
                QueryParams.matching("school", school, SCHOOL_CODE, "a 10-digit school code"),
                expectedFrom, expectedTo, openedSince, openedUntil,
                QueryParams.instant("updatedSince", updatedSince));
        return projects.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, ConstructionProjectService.SORTABLE, "code"),
                access.listScope());
    }

    @GET
    @Path("/{projectCode}")
    @Operation(operationId = "getConstructionProject", summary = "Get a construction project")
    @APIResponse(responseCode = "200", description = "The current state; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstructionProjectView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("projectCode") String projectCode, @Context Request request) {
        requireCode(projectCode);
        ConstructionProjectView project = projects.get(projectCode, access);
        return ETags.read(request, project, project.version());
    }

    @PUT
    @Path("/{projectCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "putConstructionProject", summary = "Create or replace a construction project",
            description = "201 when created, 200 when replaced; platform admins and data feeds of the project's region. "
                    + "The status may move forward any number of steps in one PUT when the date of every step passed is "
                    + "present (approvedOn, constructionStartedOn, completedOn, openedOn), in that order and not after "
                    + "today: a missing or misordered date is a 400 pointing at it. Moving the status backwards is a 409 "
                    + "conflict (delete and recreate a project whose status was recorded by mistake). Send If-Match "
                    + "with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstructionProjectView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConstructionProjectView.class)))
    @APIResponse(responseCode = "409", description = "The status would move backwards in the lifecycle",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response put(@PathParam("projectCode") String projectCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ConstructionProjectInput body) {
        requireCode(projectCode);
        ConstructionProjectService.PutResult result = projects.put(projectCode, body, ifMatch, access);
        return ETags.written(result.created(), "/schools/v1/construction-projects/" + projectCode, result.project(), result.project().version());
    }

    @DELETE
    @Path("/{projectCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "deleteConstructionProject", summary = "Delete a construction project record",
            description = "For records created by mistake; the change feed reports the deletion as a tombstone.")
    @APIResponse(responseCode = "204", description = "Deleted; the change feed shows a tombstone")
    public Response delete(@PathParam("projectCode") String projectCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(projectCode);
        projects.delete(projectCode, ifMatch, access);
        return Response.noContent().build();
    }

    private static void requireCode(String code) {
        if (code == null || !PROJECT_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("projectCode", "invalid_format",
                    "'" + code + "' is not a project code (4 to 32 letters, digits or '-')");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "invalid_date", "'" + value + "' is not a date such as 2024-09-01");
        }
    }

    private static void requireOrdered(String toName, LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid(toName, "before_from", "the range ends before it starts");
        }
    }
}
