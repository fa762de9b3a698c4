package io.dengta.schools.campus;

import java.util.ArrayList;
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
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.school.SchoolAccess;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/schools/{schoolCode}/campuses")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Campuses", description = "A school's additional sites (校区), coded uniquely within the school")
public class CampusResource {

    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    /** 1 to 16 letters, digits or '-'. */
    private static final Pattern CAMPUS_CODE = Pattern.compile("[A-Za-z0-9-]{1,16}");

    private final CampusService campuses;
    private final SchoolAccess access;

    public CampusResource(CampusService campuses, SchoolAccess access) {
        this.campuses = campuses;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listCampuses", summary = "List a school's campuses",
            description = "For whoever may read the school. Sortable by code, name, updatedAt.")
    public Page<CampusView> list(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "Only campuses changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        requireCodes(schoolCode, null);
        return campuses.list(schoolCode, QueryParams.instant("updatedSince", updatedSince),
                PageRequest.of(limit, cursor, sort, includeTotal, CampusService.SORTABLE, "code"), access);
    }

    @GET
    @Path("/{campusCode}")
    @Operation(operationId = "getCampus", summary = "Get a campus")
    public Response get(@PathParam("schoolCode") String schoolCode, @PathParam("campusCode") String campusCode,
            @Context Request request) {
        requireCodes(schoolCode, campusCode);
        CampusView campus = campuses.get(schoolCode, campusCode, access);
        return ETags.read(request, campus, campus.version());
    }

    @PUT
    @Path("/{campusCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "putCampus", summary = "Create or replace a campus",
            description = "201 when created, 200 when replaced; the school's clerks, data feeds of its region and "
                    + "platform admins. Send If-Match with the ETag you read.")
    public Response put(@PathParam("schoolCode") String schoolCode, @PathParam("campusCode") String campusCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CampusInput body) {
        requireCodes(schoolCode, campusCode);
        CampusService.PutResult result = campuses.put(schoolCode, campusCode, body, ifMatch, access);
        return ETags.written(result.created(), "/schools/v1/schools/" + schoolCode + "/campuses/" + campusCode, result.campus(), result.campus().version());
    }

    @DELETE
    @Path("/{campusCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "deleteCampus", summary = "Delete a campus record",
            description = "For records created by mistake; a campus that stops operating gets a closedOn date instead. "
                    + "The change feed reports the deletion as a tombstone.")
    public Response delete(@PathParam("schoolCode") String schoolCode, @PathParam("campusCode") String campusCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCodes(schoolCode, campusCode);
        campuses.delete(schoolCode, campusCode, ifMatch, access);
        return Response.noContent().build();
    }

    private static void requireCodes(String schoolCode, String campusCode) {
        List<FieldError> errors = new ArrayList<>();
        if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
            errors.add(new FieldError("schoolCode", "invalid_format", "'" + schoolCode + "' is not a 10-digit school code"));
        }
        if (campusCode != null && !CAMPUS_CODE.matcher(campusCode).matches()) {
            errors.add(new FieldError("campusCode", "invalid_format",
                    "'" + campusCode + "' is not a campus code (1 to 16 letters, digits or '-')"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
