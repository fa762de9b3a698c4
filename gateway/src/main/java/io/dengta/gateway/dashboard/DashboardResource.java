package io.dengta.gateway.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.requestid.RequestIds;
import io.dengta.commons.security.CallerScope;
import io.dengta.commons.security.RegionCodes;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

@Path("/dashboard/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Dashboards", description = "Composed read models for front-ends: one call, several services, each part "
        + "with its own status so one slow or failed service degrades one part, never the whole answer")
public class DashboardResource {

    private static final Pattern YEAR = Pattern.compile("20\\d{2}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(20\\d{2})Sep");

    private final RegionDashboardService regions;
    private final SchoolDashboardService schools;
    private final CallerScope scope;
    private final SecurityIdentity identity;

    public DashboardResource(RegionDashboardService regions, SchoolDashboardService schools, CallerScope scope,
            SecurityIdentity identity) {
        this.regions = regions;
        this.schools = schools;
        this.scope = scope;
        this.identity = identity;
    }

    private Caller caller(String authorization, HttpServerRequest request) {
        return new Caller(authorization, RequestIds.of(request),
                Caller.scopeKey(identity.getRoles(), scope.regions(), scope.schools()));
    }

    @GET
    @Path("/regions/{regionCode}")
    @Operation(operationId = "getRegionDashboard", summary = "A region at a glance: score, gaps, targets, registry",
            description = "Asks, at the same time and with the caller's own token (so each service applies the "
                    + "caller's scope): the region from schools-service; its score on the configured framework "
                    + "(dengta.dashboard.framework, default js-modernization-2013) for `year`; its top gaps against "
                    + "the benchmark group it owns; the status counts and at-risk targets of the plans it and its "
                    + "sub-regions own; and its registry figures for the school year `{year}Sep`. Each part has a "
                    + "`status`: ok (with `data`), unavailable, timeout (no answer within "
                    + "dengta.dashboard.part-timeout, default 3 s), forbidden or not-found (with `reason`). The answer "
                    + "is 200 whenever the region is visible, even if every part failed; it is 404 when the region is "
                    + "outside the caller's scope or schools-service does not know it. Parts are kept for "
                    + "dengta.dashboard.cache.ttl (default 30 s) and shared only with callers of the same roles and "
                    + "scope; each says when it was read (`asOf`) and how old it is (`age`, seconds). A service whose "
                    + "circuit breaker is open makes its parts `unavailable` at once.")
    @APIResponse(responseCode = "200", description = "The dashboard; check each part's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RegionDashboard.class),
                    examples = @ExampleObject(name = "targets-unavailable", value = REGION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "`year` missing or not a year, or a malformed region code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "Region unknown or outside your scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<RegionDashboard> region(
            @Parameter(description = "6-digit region code, e.g. 320113") @PathParam("regionCode") String regionCode,
            @Parameter(description = "Year, e.g. 2024 (registry figures: school year 2024Sep)", required = true)
            @QueryParam("year") String year,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (!RegionCodes.isValid(regionCode)) {
            errors.add(new FieldError("regionCode", "invalid_format", "a region code has 6 digits, e.g. 320113"));
        }
        if (year == null || year.isBlank()) {
            errors.add(new FieldError("year", "required", "name the year, e.g. 2024"));
        } else if (!YEAR.matcher(year).matches()) {
            errors.add(new FieldError("year", "invalid_format", "a year has 4 digits, e.g. 2024"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the services would each say not-found; deciding it here saves the calls and answers one 404
        scope.requireVisible(scope.coversRegion(regionCode), "Region " + regionCode);
        return regions.dashboard(regionCode, Integer.parseInt(year), caller(authorization, request));
    }

    @GET
    @Path("/schools/{schoolCode}")
    @Operation(operationId = "getSchoolDashboard", summary = "A school at a glance: facts, statistics against standards, "
            + "teachers", description = "Asks, at the same time and with the caller's own token: the school and its "
                    + "facts for `schoolYear` (schools-service); its registry statistics for the school year, each with "
                    + "the most specific standard in force that year for the school's region and the statistic's stage "
                    + "(indicators-service) and whether it is met; and its teachers' headcount (current assignments), "
                    + "established teachers and key teachers (district level or above); the pupil-teacher ratio is "
                    + "among the statistics. Each part has a `status` as in the region dashboard; the statistics "
                    + "part also says `standardsStatus` (the statistics are shown without standards when "
                    + "indicators-service cannot answer). 404 when schools-service does not know the school or it is "
                    + "outside the caller's scope.")
    @APIResponse(responseCode = "200", description = "The dashboard; check each part's status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SchoolDashboard.class),
                    examples = @ExampleObject(name = "facts-not-reported", value = SCHOOL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "`schoolYear` missing or malformed, or a malformed school code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = "School unknown or outside your scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Uni<SchoolDashboard> school(
            @Parameter(description = "10-digit school code (学校标识码)") @PathParam("schoolCode") String schoolCode,
            @Parameter(description = "School year, e.g. 2024Sep", required = true) @QueryParam("schoolYear") String schoolYear,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (schoolCode == null || !SCHOOL_CODE.matcher(schoolCode).matches()) {
            errors.add(new FieldError("schoolCode", "invalid_format", "a school code has 10 digits"));
        }
        Matcher year = schoolYear == null ? null : SCHOOL_YEAR.matcher(schoolYear);
        if (schoolYear == null || schoolYear.isBlank()) {
            errors.add(new FieldError("schoolYear", "required", "name the school year, e.g. 2024Sep"));
        } else if (!year.matches()) {
            errors.add(new FieldError("schoolYear", "invalid_format", "a school year is like 2024Sep"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // the school's region is known only to schools-service, which applies the region scope; a caller with
        // neither a region nor this school in scope cannot see it at all
        scope.requireVisible(scope.unrestricted() || !scope.regions().isEmpty() || scope.schools().contains(schoolCode),
                "School " + schoolCode);
        return schools.dashboard(schoolCode, schoolYear, Integer.parseInt(year.group(1)),
                caller(authorization, request));
    }

    static final String SCHOOL_EXAMPLE = """
            {"school": "3201130001", "schoolYear": "2024Sep",
             "info": {"status": "ok", "data": {"code": "3201130001", "name": "南京市栖霞区实验小学", "region": "320113",
               "stages": ["primary"], "ownership": "public", "boarding": false, "rural": false, "status": "operating",
               "capacitySeats": 1800, "plannedClasses": 36}},
             "facts": {"status": "not-found", "reason": "No facts for school 3201130001 in 2024Sep"},
             "statistics": {"status": "ok", "data": {"factsReported": false, "standardsStatus": "ok", "items": [
               {"statistic": "seats-added", "name": "新增学位", "value": 450, "unit": "count"}]}},
             "teachers": {"status": "ok", "data": {"headcount": 92, "established": 80, "keyTeachers": 11}}}""";

    static final String REGION_EXAMPLE = """
            {"region": "320113", "year": "2024", "schoolYear": "2024Sep",
             "regionInfo": {"status": "ok", "data": {"code": "320113", "name": "栖霞区", "nameEn": "Qixia District",
               "level": "district", "parent": "320100"}},
             "score": {"status": "ok", "data": {"framework": "js-modernization-2013", "frameworkName": "江苏省教育现代化指标体系",
               "version": 2013, "period": "2024", "score": 81.5, "coveredWeight": 72, "missingWeight": 28,
               "complete": false, "missingIndicators": 6, "dimensions": []}},
             "gaps": {"status": "ok", "data": {"group": "0b6c9a3e-5d1f-4a8e-9f51-6d2b0c1e7a10", "groupName": "栖霞区对标组",
               "framework": "js-modernization-2013", "period": "2024", "top": [{"indicator": "qb.key_teachers_per100",
               "name": "每百名学生拥有县级以上骨干教师数", "unit": "per100", "direction": "higher-better", "value": 1.2,
               "pointsLost": 1.5, "bestRegion": "320106", "bestRole": "lighthouse", "bestValue": 2.4, "gap": 1.2,
               "rank": 3, "rankedOf": 4}]}},
             "targets": {"status": "unavailable", "reason": "targets-service is unavailable"},
             "registry": {"status": "ok", "data": {"schoolYear": "2024Sep", "schools": 86, "schoolsWithoutFacts": 2,
               "pupils": 91234, "teachersFte": 6120.5, "pupilTeacherRatio": 14.91}}}""";
}
