package io.dengta.schools.group;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.school.SchoolAccess;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/school-groups")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "School groups", description = "Education groups, alliances and district partnerships with dated memberships")
public class SchoolGroupResource {

    /** 2 to 32 letters, digits or '-'. */
    public static final Pattern GROUP_CODE = Pattern.compile("[A-Za-z0-9-]{2,32}");
    static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final SchoolGroupService groups;
    private final SchoolAccess access;

    public SchoolGroupResource(SchoolGroupService groups, SchoolAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSchoolGroups", summary = "List school groups in the caller's scope",
            description = "A group is in scope when its owner region is, or one of its member schools (in any period) "
                    + "is. Filters combine with AND. Sortable by code, name, updatedAt.")
    public Page<SchoolGroupView> list(
            @Parameter(description = "Owner region code; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "education-group, alliance, district-partnership") @QueryParam("kind") String kind,
            @Parameter(description = "Groups this school belongs to (in any period, or on activeOn)") @QueryParam("school") String school,
            @Parameter(description = "Groups founded by this date with a membership that includes it, e.g. 2024-09-01") @QueryParam("activeOn") String activeOn,
            @Parameter(description = "Only groups changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        SchoolGroupService.Filter filter = new SchoolGroupService.Filter(
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.oneOf("kind", kind, List.of("education-group", "alliance", "district-partnership")),
                QueryParams.matching("school", school, SCHOOL_CODE, "a 10-digit school code"),
                date("activeOn", activeOn),
                QueryParams.instant("updatedSince", updatedSince));
        return groups.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, SchoolGroupService.SORTABLE, "code"),
                access.listScope());
    }

    @GET
    @Path("/{groupCode}")
    @Operation(operationId = "getSchoolGroup", summary = "Get a school group with its members")
    public Response get(@PathParam("groupCode") String groupCode, @Context Request request) {
        requireCode(groupCode);
        SchoolGroupView group = groups.get(groupCode, access);
        return ETags.read(request, group, group.version());
    }

    @PUT
    @Path("/{groupCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "putSchoolGroup", summary = "Create or replace a school group and its memberships",
            description = "201 when created, 200 when replaced; platform admins and data feeds of the owner region. "
                    + "The members list replaces the stored one. A membership runs from joinedOn to leftOn, both days "
                    + "included. Send If-Match with the ETag you read.")
    public Response put(@PathParam("groupCode") String groupCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SchoolGroupInput body) {
        requireCode(groupCode);
        SchoolGroupService.PutResult result = groups.put(groupCode, body, ifMatch, access);
        return ETags.written(result.created(), "/schools/v1/school-groups/" + groupCode, result.group(), result.group().version());
    }

    @DELETE
    @Path("/{groupCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "deleteSchoolGroup", summary = "Delete a school group record",
            description = "For records created by mistake; a group that dissolves keeps its history with leftOn dates. "
                    + "The change feed reports the deletion as a tombstone.")
    public Response delete(@PathParam("groupCode") String groupCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(groupCode);
        groups.delete(groupCode, ifMatch, access);
        return Response.noContent().build();
    }

    static void requireCode(String code) {
        if (code == null || !GROUP_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("groupCode", "invalid_format",
                    "'" + code + "' is not a group code (2 to 32 letters, digits or '-')");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "invalid_date", "'" + value + "' is not a date such as 2024-09-01");
        }
    }
}
