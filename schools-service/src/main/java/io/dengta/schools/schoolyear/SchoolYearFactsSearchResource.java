package io.dengta.schools.schoolyear;

import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import io.dengta.schools.school.Stage;
import io.quarkus.security.Authenticated;

/** Facts across schools, for a region's figures (the input of the registry statistics). */
@Path("/schools/v1/school-years")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "School-year facts")
public class SchoolYearFactsSearchResource {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final SchoolYearFactsService facts;
    private final SchoolAccess access;

    public SchoolYearFactsSearchResource(SchoolYearFactsService facts, SchoolAccess access) {
        this.facts = facts;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listSchoolYearFacts", summary = "List school-year facts across the schools in scope",
            description = "Filters combine with AND; `stage` keeps schools that offer the stage. Sortable by school, "
                    + "schoolYear, updatedAt (default school,schoolYear).")
    public Page<SchoolYearFactsView> list(
            @Parameter(description = "Region code of the schools; includes its sub-regions") @QueryParam("region") String region,
            @Parameter(description = "School year, e.g. 2024Sep") @QueryParam("schoolYear") String schoolYear,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage,
            @Parameter(description = "One school's 10-digit code") @QueryParam("school") String school,
            @Parameter(description = "Only facts changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `schoolYear,school`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        SchoolYearFactsService.Filter filter = new SchoolYearFactsService.Filter(
                QueryParams.matching("school", school, SchoolYearFactsResource.SCHOOL_CODE, "a 10-digit school code"),
                QueryParams.matching("region", region, REGION_CODE, "a 6-digit region code"),
                schoolYear == null || schoolYear.isBlank() ? null : SchoolYear.require("schoolYear", schoolYear).code(),
                QueryParams.oneOf("stage", stage, Stage.ALL),
                QueryParams.instant("updatedSince", updatedSince));
        return facts.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, SchoolYearFactsService.SORTABLE,
                "school,schoolYear"), access.listScope());
    }
}
