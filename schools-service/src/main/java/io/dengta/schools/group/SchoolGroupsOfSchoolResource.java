package io.dengta.schools.group;

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
import io.dengta.commons.problem.ProblemException;
import io.dengta.schools.school.SchoolAccess;
import io.quarkus.security.Authenticated;

/** The groups seen from one school: every membership period, for whoever may read the school. */
@Path("/schools/v1/schools/{schoolCode}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "School groups")
public class SchoolGroupsOfSchoolResource {

    private final SchoolGroupService groups;
    private final SchoolAccess access;

    public SchoolGroupsOfSchoolResource(SchoolGroupService groups, SchoolAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listGroupsOfSchool", summary = "The groups a school belongs or belonged to, with dates",
            description = "One item per membership period, oldest first. Not paged (a school belongs to a handful of "
                    + "groups): `next` is always null.")
    public Page<SchoolMembershipView> list(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "Only memberships that include this date (of groups founded by then), e.g. 2024-09-01") @QueryParam("activeOn") String activeOn) {
        if (schoolCode == null || !SchoolGroupResource.SCHOOL_CODE.matcher(schoolCode).matches()) {
            throw ProblemException.invalid("schoolCode", "invalid_format",
                    "'" + schoolCode + "' is not a 10-digit school code");
        }
        return groups.groupsOf(schoolCode, SchoolGroupResource.date("activeOn", activeOn), access);
    }
}
