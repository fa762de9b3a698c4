package io.dengta.schools.school;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.group.SchoolGroupResource;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/schools")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Schools", description = "The school registry, by national 10-digit school code")
public class SchoolResource {

    static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final SchoolService schools;
    private final SchoolAccess access;

    public SchoolResource(SchoolService schools, SchoolAccess access) {
        this.schools = schools;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSchools", summary = "List schools in the caller's scope",
            description = "Filters combine with AND. Sortable by code, name, updatedAt.")
    public Page<SchoolView> list(
            @Parameter(description = "Region code; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage,
            @Parameter(description = "public, private, private-inclusive") @QueryParam("ownership") String ownership,
            @Parameter(description = "planned, open, merged, closed") @QueryParam("status") String status,
            @Parameter(description = "Member of this school group or alliance today") @QueryParam("group") String group,
            @Parameter(description = "Part of the name") @QueryParam("q") String q,
            @Parameter(description = "Only schools changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        SchoolService.Filter filter = new SchoolService.Filter(
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.oneOf("stage", stage, Stage.ALL),
                QueryParams.oneOf("ownership", ownership, List.of("public", "private", "private-inclusive")),
                QueryParams.oneOf("status", status, List.of("planned", "open", "merged", "closed")),
                QueryParams.matching("group", group, SchoolGroupResource.GROUP_CODE, "a group code (2 to 32 letters, digits or '-')"),
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.instant("updatedSince", updatedSince));
        return schools.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, SchoolService.SORTABLE, "code"),
                access.listScope());
    }

    @GET
    @Path("/{schoolCode}")
    @Operation(operationId = "getSchool", summary = "Get a school")
    public Response get(@PathParam("schoolCode") String schoolCode, @Context Request request) {
        requireCode(schoolCode);
        SchoolView school = schools.get(schoolCode, access);
        return ETags.read(request, school, school.version());
    }

    @PUT
    @Path("/{schoolCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "putSchool", summary = "Create or replace a school",
            description = "201 when created (platform admins and data feeds of the region), 200 when replaced "
                    + "(also the school's clerks). Send If-Match with the ETag you read.")
    public Response put(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SchoolInput body) {
        requireCode(schoolCode);
        SchoolService.PutResult result = schools.put(schoolCode, body, ifMatch, access);
        return ETags.written(result.created(), "/schools/v1/schools/" + schoolCode, result.school(), result.school().version());
    }

    @DELETE
    @Path("/{schoolCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "deleteSchool", summary = "Delete a school record",
            description = "For records created by mistake; a school that stops operating is `closed` or `merged` instead. "
                    + "The change feed reports the deletion as a tombstone.")
    public Response delete(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(schoolCode);
        schools.delete(schoolCode, ifMatch, access);
        return Response.noContent().build();
    }

    static void requireCode(String code) {
        if (code == null || !SCHOOL_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("schoolCode", "invalid_format", "'" + code + "' is not a 10-digit school code");
        }
    }
}
