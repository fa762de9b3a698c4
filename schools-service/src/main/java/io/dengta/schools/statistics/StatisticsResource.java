package io.dengta.schools.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.Roles;
import io.dengta.schools.schoolyear.SchoolYear;
import io.quarkus.security.Authenticated;

@Path("/schools/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Statistics", description = "Registry statistics (生师比, 每百名学生…, 生均…, 大班额, 班额达标, 交流轮岗, 新增学位) of "
        + "regions and schools per school year, with their numerators, denominators and catalog indicator codes")
public class StatisticsResource {

    private final StatisticsService statistics;
    private final CallerScope caller;

    public StatisticsResource(StatisticsService statistics, CallerScope caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getRegionStatistics", summary = "A region's registry statistics for a school year",
            description = "Over the schools of the region and its sub-regions that reported facts for the school year: "
                    + "each statistic is the ratio of the sums of the schools' numerators and denominators, never an "
                    + "average of their ratios. Teachers are counted on 30 September of the school year (active "
                    + "assignments, honours in force), by head at their main school (largest active assignment), by "
                    + "FTE for the pupil-teacher ratio. Formulas: pupil-teacher ratio = pupils ÷ FTE; per100 = teachers "
                    + "(above the stage's required degree: kindergarten and primary associate or higher, junior "
                    + "bachelor or higher, senior master or higher; key teachers at district level or above; PE, music, "
                    + "fine-art and arts teachers) or multimedia classrooms ÷ pupils × 100; per pupil = floor area "
                    + "(teaching + support), sports area, equipment value ÷ pupils; class shares = classes over 55 "
                    + "(over 65) ÷ classes × 100; compliance = classes within 45 (primary) or 50 (junior) ÷ classes × "
                    + "100; higher-degree share = teachers above the requirement ÷ teachers × 100; dual-qualified share "
                    + "= dual-qualified ÷ specialist teachers of the vocational stage × 100; rotation rate = established "
                    + "teachers who started a rotation in the school year ÷ established teachers, by employing school; "
                    + "seats added = seats of projects that entered use in the school year. A school of several stages "
                    + "shares its resources among them by pupils and its class-size counts by classes. A region outside "
                    + "the caller's scope is not found (404).")
    @APIResponse(responseCode = "200", description = "The statistics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionStatisticsView.class)))
    @APIResponse(responseCode = "404", description = "No such region, or outside the caller's organisation scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public RegionStatisticsView region(
            @Parameter(description = "Region code (required); includes its sub-regions", required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = "\\d{6}")) @QueryParam("region") String region,
            @Parameter(description = "School year (required), e.g. 2024Sep", required = true) @QueryParam("schoolYear") String schoolYear,
            @Parameter(description = "Only this stage's statistics: kindergarten, primary, junior, senior, vocational, special")
            @QueryParam("stage") String stage) {
        StatisticsParams params = new StatisticsParams();
        String regionCode = params.region(region);
        SchoolYear year = params.schoolYear(schoolYear);
        String stageCode = params.stage(stage);
        params.done();
        return statistics.region(regionCode, year, stageCode, caller);
    }

    @POST
    @Path("/publish")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.DATA_FEED })
    @Operation(operationId = "publishStatistics", summary = "Publish a region's statistics to indicators-service",
            description = "Sends the region's statistics and each of its schools' as observations to indicators-service "
                    + "(POST /indicators/v1/imports) with the caller's token and an Idempotency-Key made of region, "
                    + "school year and a SHA-256 of the rows: publishing unchanged statistics again creates no "
                    + "duplicates. Only statistics with a catalog indicator code and a value are sent, for schools only "
                    + "those the catalog keeps per school. Platform admins and data feeds of the "
                    + "region (others: 403). 503 (Retry-After) when indicators-service is down, 504 when it does not "
                    + "answer in time.")
    @APIResponse(responseCode = "200", description = "Published (or nothing to publish: rows 0)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishView.class)))
    @APIResponse(responseCode = "404", description = "No such region",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "indicators-service is still importing the same statistics",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "503", description = "indicators-service is down or failing; nothing was published. "
            + "See Retry-After", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "504", description = "indicators-service did not answer in time; publishing again is "
            + "safe", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public PublishView publish(
            @Parameter(description = "Region code (required); its schools include those of sub-regions", required = true)
            @QueryParam("region") String region,
            @Parameter(description = "School year (required), e.g. 2024Sep", required = true) @QueryParam("schoolYear") String schoolYear,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        StatisticsParams params = new StatisticsParams();
        String regionCode = params.region(region);
        SchoolYear year = params.schoolYear(schoolYear);
        params.done();
        return statistics.publish(regionCode, year, authorization, caller);
    }
}
