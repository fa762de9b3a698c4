package io.dengta.schools.assignment;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.idempotency.Idempotency;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.dengta.schools.school.SchoolAccess;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Assignments", description = "Which teacher works at which school, over which dates, with what FTE; "
        + "rotations (交流轮岗) and support postings (支教)")
public class AssignmentResource {

    static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    static final Pattern STAFF_CODE = Pattern.compile("[A-Za-z0-9-]{4,32}");
    static final List<String> KINDS = List.of("regular", "rotation", "support");
    private static final Pattern UUID_FORMAT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** What identifies a create request for Idempotency-Key: the operation and the body. */
    record CreateRequest(String operation, AssignmentInput body) {
    }

    private final AssignmentService assignments;
    private final SchoolAccess access;
    private final Idempotency idempotency;

    public AssignmentResource(AssignmentService assignments, SchoolAccess access, Idempotency idempotency) {
        this.assignments = assignments;
        this.access = access;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listAssignments", summary = "List assignments at schools in the caller's scope",
            description = "Filters combine with AND. Sortable by startsOn, updatedAt, id (default startsOn).")
    public Page<AssignmentView> list(
            @Parameter(description = "Staff code of the teacher") @QueryParam("teacher") String teacher,
            @Parameter(description = "10-digit code of the school") @QueryParam("school") String school,
            @Parameter(description = "regular, rotation, support") @QueryParam("kind") String kind,
            @Parameter(description = "Only assignments running on this date (e.g. 2024-09-01)") @QueryParam("activeOn") String activeOn,
            @Parameter(description = "Region code of the school; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "Only assignments changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `-startsOn`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        AssignmentService.Filter filter = new AssignmentService.Filter(
                QueryParams.matching("teacher", teacher, STAFF_CODE, "a staff code"),
                QueryParams.matching("school", school, SCHOOL_CODE, "a 10-digit school code"),
                QueryParams.oneOf("kind", kind, KINDS),
                date("activeOn", activeOn),
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                QueryParams.instant("updatedSince", updatedSince));
        return assignments.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, AssignmentService.SORTABLE, "startsOn"),
                access.listScope());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "createAssignment", summary = "Assign a teacher to a school",
            description = "201 with Location. Needs write access to the school. With Idempotency-Key, a retry with "
                    + "the same body answers the first response again (header Idempotent-Replayed: true).")
    public Response create(
            @Parameter(description = "Makes a retried create safe: same key and body, same answer") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull AssignmentInput body) {
        return idempotency.execute(idempotencyKey, new CreateRequest("POST /schools/v1/assignments", body), () -> {
            AssignmentView created = assignments.create(body, access);
            return Response.created(URI.create("/schools/v1/assignments/" + created.id()))
                    .entity(created).tag(ETags.of(created.version())).build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAssignment", summary = "Get an assignment")
    public Response get(@PathParam("id") String id, @Context Request request) {
        AssignmentView assignment = assignments.get(uuid(id), access);
        return ETags.read(request, assignment, assignment.version());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "replaceAssignment", summary = "Replace an assignment",
            description = "Send If-Match with the ETag you read. Moving it to another school needs write access to both.")
    public Response replace(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssignmentInput body) {
        AssignmentView assignment = assignments.replace(uuid(id), body, ifMatch, access);
        return Response.ok(assignment).tag(ETags.of(assignment.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED, Roles.SCHOOL_CLERK })
    @Operation(operationId = "deleteAssignment", summary = "Delete an assignment",
            description = "The change feed reports the deletion as a tombstone. An assignment that ends gets endsOn instead.")
    public Response delete(@PathParam("id") String id,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        assignments.delete(uuid(id), ifMatch, access);
        return Response.noContent().build();
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "invalid_date", "'" + value + "' is not a date such as 2024-09-01");
        }
    }

    private static UUID uuid(String id) {
        if (id == null || !UUID_FORMAT.matcher(id).matches()) {
            throw ProblemException.invalid("id", "invalid_format", "'" + id + "' is not an assignment id (a UUID)");
        }
        return UUID.fromString(id);
    }
}
