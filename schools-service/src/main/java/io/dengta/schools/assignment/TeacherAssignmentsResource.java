package io.dengta.schools.assignment;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.teacher.TeacherResource;
import io.dengta.schools.teacher.TeacherService;
import io.quarkus.security.Authenticated;

/** A teacher's assignments: where the teacher has worked and works now. */
@Path("/schools/v1/teachers/{staffCode}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Assignments")
public class TeacherAssignmentsResource {

    private final AssignmentService assignments;
    private final TeacherService teachers;
    private final SchoolAccess access;

    public TeacherAssignmentsResource(AssignmentService assignments, TeacherService teachers, SchoolAccess access) {
        this.assignments = assignments;
        this.teachers = teachers;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listTeacherAssignments", summary = "List a teacher's assignments",
            description = "404 when the teacher is not in the caller's scope. Lists the assignments at schools the "
                    + "caller may read. Sortable by startsOn, updatedAt, id (default startsOn).")
    public Page<AssignmentView> list(
            @PathParam("staffCode") String staffCode,
            @Parameter(description = "regular, rotation, support") @QueryParam("kind") String kind,
            @Parameter(description = "Only assignments running on this date (e.g. 2024-09-01)") @QueryParam("activeOn") String activeOn,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `-startsOn`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        TeacherResource.requireStaffCode(staffCode);
        AssignmentService.Filter filter = new AssignmentService.Filter(staffCode, null,
                QueryParams.oneOf("kind", kind, AssignmentResource.KINDS), AssignmentResource.date("activeOn", activeOn),
                null, null);
        PageRequest page = PageRequest.of(limit, cursor, sort, includeTotal, AssignmentService.SORTABLE, "startsOn");
        teachers.requireVisible(staffCode, access);
        return assignments.list(filter, page, access.listScope());
    }
}
