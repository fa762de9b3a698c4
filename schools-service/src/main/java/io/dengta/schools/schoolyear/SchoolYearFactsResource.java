package io.dengta.schools.schoolyear;

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

@Path("/schools/v1/schools/{schoolCode}/years")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "School-year facts", description = "Pupils, classes, areas, equipment and rooms a school reports per school "
        + "year (学年, e.g. 2024Sep)")
public class SchoolYearFactsResource {

    static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");

    private final SchoolYearFactsService facts;
    private final SchoolAccess access;

    public SchoolYearFactsResource(SchoolYearFactsService facts, SchoolAccess access) {
        this.facts = facts;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSchoolYearFactsOfSchool", summary = "List a school's facts, one item per school year",
            description = "Sortable by schoolYear, updatedAt (default schoolYear).")
    public Page<SchoolYearFactsView> list(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "Only facts changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `-schoolYear`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        requireSchoolCode(schoolCode);
        SchoolYearFactsService.Filter filter = new SchoolYearFactsService.Filter(schoolCode, null, null, null,
                QueryParams.instant("updatedSince", updatedSince));
        PageRequest page = PageRequest.of(limit, cursor, sort, includeTotal,
                List.of("schoolYear", "updatedAt"), "schoolYear");
        facts.visibleSchool(schoolCode, access);
        return facts.list(filter, page, access.listScope());
    }

    @GET
    @Path("/{schoolYear}")
    @Operation(operationId = "getSchoolYearFacts", summary = "Get a school's facts for a school year")
    @APIResponse(responseCode = "200", description = "The current state; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolYearFactsView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "School year, e.g. 2024Sep (September 2024 – August 2025)") @PathParam("schoolYear") String schoolYear,
            @Context Request request) {
        requireSchoolCode(schoolCode);
        SchoolYear year = SchoolYear.require("schoolYear", schoolYear);
        SchoolYearFactsView view = facts.get(schoolCode, year, access);
        return ETags.read(request, view, view.version());
    }

    @PUT
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "putSchoolYearFacts", summary = "Create or replace a school's facts for a school year",
            description = "201 when created, 200 when replaced. Writers: platform admins, data feeds of the school's "
                    + "region, the school's clerks. Grades must belong to the school's stages; classes must fit the "
                    + "pupils (at most 80 on average); class-size counts nest (over 65 ≤ over 55 ≤ over 50 ≤ over 45 ≤ "
                    + "classes); the school year may be at most one ahead of the current one and not after the school "
                    + "closed. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolYearFactsView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolYearFactsView.class)))
    public Response put(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "School year, e.g. 2024Sep") @PathParam("schoolYear") String schoolYear,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SchoolYearFactsInput body) {
        requireSchoolCode(schoolCode);
        SchoolYear year = SchoolYear.require("schoolYear", schoolYear);
        SchoolYearFactsService.PutResult result = facts.put(schoolCode, year, body, ifMatch, access);
        return ETags.written(result.created(), "/schools/v1/schools/" + schoolCode + "/years/" + year.code(), result.facts(), result.facts().version());
    }

    @DELETE
    @Path("/{schoolYear}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "deleteSchoolYearFacts", summary = "Delete a school's facts for a school year",
            description = "For facts reported by mistake (the same writers as PUT). The change feed reports the "
                    + "deletion as a tombstone.")
    @APIResponse(responseCode = "204", description = "Deleted; the change feed shows a tombstone")
    public Response delete(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "School year, e.g. 2024Sep") @PathParam("schoolYear") String schoolYear,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireSchoolCode(schoolCode);
        SchoolYear year = SchoolYear.require("schoolYear", schoolYear);
        facts.delete(schoolCode, year, ifMatch, access);
        return Response.noContent().build();
    }

    static void requireSchoolCode(String code) {
        if (code == null || !SCHOOL_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("schoolCode", "invalid_format", "'" + code + "' is not a 10-digit school code");
        }
    }
}
