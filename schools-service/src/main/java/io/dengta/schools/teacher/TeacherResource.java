package io.dengta.schools.teacher;

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

@Path("/schools/v1/teachers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Teachers", description = "The teacher registry, by staff code; personal fields only for admins and "
        + "the clerks of the employing school")
public class TeacherResource {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");

    private final TeacherService teachers;
    private final SchoolAccess access;
    private final TeacherPrivacy privacy;

    public TeacherResource(TeacherService teachers, SchoolAccess access, TeacherPrivacy privacy) {
        this.teachers = teachers;
        this.access = access;
        this.privacy = privacy;
    }

    @GET
    @Operation(operationId = "listTeachers", summary = "List teachers in the caller's scope",
            description = "Filters combine with AND. Sortable by staffCode, name, updatedAt. A teacher is in scope "
                    + "through the employing school or the school of a current assignment.")
    public Page<TeacherView> list(
            @Parameter(description = "Region code of the employing school; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "10-digit school code: the employing school or the school of a current assignment") @QueryParam("school") String school,
            @Parameter(description = "Has an honour of this kind in force today: key-teacher, subject-leader, famous-teacher, special-grade, famous-principal, other") @QueryParam("honour") String honour,
            @Parameter(description = "Has an honour in force today at this level or above: school, district, city, province, national") @QueryParam("honourLevel") String honourLevel,
            @Parameter(description = "none, third, second, first, senior, professor-senior") @QueryParam("title") String title,
            @Parameter(description = "Highest degree: secondary, associate, bachelor, master, doctorate") @QueryParam("degree") String degree,
            @Parameter(description = "Teaches this subject (main or other), e.g. math, pe, music") @QueryParam("subject") String subject,
            @Parameter(description = "established, contract") @QueryParam("employment") String employment,
            @Parameter(description = "active, on-leave, retired, left") @QueryParam("status") String status,
            @Parameter(description = "Part of the name") @QueryParam("q") String q,
            @Parameter(description = "Only teachers changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Full national ID, matched by its hash; platform admins and school clerks only") @QueryParam("nationalId") String nationalId,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        String id = null;
        if (nationalId != null && !nationalId.isBlank()) {
            if (!privacy.maySearchByNationalId()) {
                throw ProblemException.forbidden("Only platform admins and school clerks may search by national ID");
            }
            id = NationalIds.normalize(nationalId);
            if (!NationalIds.hasFormat(id)) {
                throw ProblemException.invalid("nationalId", "invalid_format",
                        "must be 18 characters: 17 digits and a digit or X");
            }
        }
        TeacherService.Filter filter = new TeacherService.Filter(
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.matching("school", school, SCHOOL_CODE, "a 10-digit school code"),
                QueryParams.oneOf("honour", honour, TeacherCodes.HONOUR_KINDS),
                QueryParams.oneOf("honourLevel", honourLevel, TeacherCodes.HONOUR_LEVELS),
                QueryParams.oneOf("title", title, TeacherCodes.TITLES),
                QueryParams.oneOf("degree", degree, TeacherCodes.DEGREES),
                QueryParams.oneOf("subject", subject, TeacherCodes.SUBJECTS),
                QueryParams.oneOf("employment", employment, TeacherCodes.EMPLOYMENTS),
                QueryParams.oneOf("status", status, TeacherCodes.STATUSES),
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.instant("updatedSince", updatedSince),
                id);
        return teachers.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, TeacherService.SORTABLE, "staffCode"),
                access.listScope(), privacy);
    }

    @GET
    @Path("/{staffCode}")
    @Operation(operationId = "getTeacher", summary = "Get a teacher")
    public Response get(@PathParam("staffCode") String staffCode, @Context Request request) {
        requireStaffCode(staffCode);
        TeacherView teacher = teachers.get(staffCode, access, privacy);
        return ETags.read(request, teacher, teacher.version());
    }

    @PUT
    @Path("/{staffCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "putTeacher", summary = "Create or replace a teacher",
            description = "201 when created, 200 when replaced. Needs write access to the employing school (and, "
                    + "for a transfer, to the new one). Send If-Match with the ETag you read. Personal fields left "
                    + "out keep their stored values; nationalId is write-only.")
    public Response put(@PathParam("staffCode") String staffCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TeacherInput body) {
        requireStaffCode(staffCode);
        TeacherService.PutResult result = teachers.put(staffCode, body, ifMatch, access, privacy);
        return ETags.written(result.created(), "/schools/v1/teachers/" + staffCode, result.teacher(), result.teacher().version());
    }

    @DELETE
    @Path("/{staffCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "deleteTeacher", summary = "Delete a teacher record",
            description = "For records created by mistake (409 while the teacher has assignments); a teacher who "
                    + "leaves gets status `left` instead. The change feed reports the deletion as a tombstone.")
    public Response delete(@PathParam("staffCode") String staffCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireStaffCode(staffCode);
        teachers.delete(staffCode, ifMatch, access);
        return Response.noContent().build();
    }

    public static void requireStaffCode(String staffCode) {
        TeacherRules.checkStaffCode(staffCode).ifPresent(error -> {
            throw ProblemException.invalid(List.of(error));
        });
    }
}
