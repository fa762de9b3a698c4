package io.dengta.schools.statistics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.schools.school.SchoolAccess;
import io.dengta.schools.schoolyear.SchoolYear;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/schools/{schoolCode}/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Statistics")
public class SchoolStatisticsResource {

    private final StatisticsService statistics;
    private final SchoolAccess access;

    public SchoolStatisticsResource(StatisticsService statistics, SchoolAccess access) {
        this.statistics = statistics;
        this.access = access;
    }

    @GET
    @Operation(operationId = "getSchoolStatistics", summary = "A school's registry statistics for a school year",
            description = "For each stage the school offers. Without facts for the school year only the seats added by "
                    + "the school's projects are shown (factsReported false). A school outside the caller's scope is not "
                    + "found (404).")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SchoolStatisticsView.class)))
    public SchoolStatisticsView school(@PathParam("schoolCode") String schoolCode,
            @Parameter(description = "School year (required), e.g. 2024Sep", required = true) @QueryParam("schoolYear") String schoolYear) {
        StatisticsParams params = new StatisticsParams();
        String code = params.schoolCode(schoolCode);
        SchoolYear year = params.schoolYear(schoolYear);
        params.done();
        return statistics.school(code, year, access);
    }
}
