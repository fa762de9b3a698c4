package io.dengta.indicators.framework;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.etag.ETags;
import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.Roles;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/frameworks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Frameworks", description = "Indicator frameworks (指标体系) with dated versions: a dimension tree whose "
        + "leaves are catalog indicators with a weight and a scoring rule; weights sum to 100")
public class FrameworkResource {

    private static final Pattern FRAMEWORK_CODE = Pattern.compile(FrameworkService.CODE_PATTERN);
    private static final Pattern JURISDICTION = Pattern.compile("000000|[1-8]\\d{5}");

    private final FrameworkService frameworks;

    public FrameworkResource(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    @GET
    @Operation(operationId = "listFrameworks", summary = "List frameworks with their version summaries",
            description = "Filters combine with AND. Sortable by code, name, updatedAt.")
    public Page<FrameworkView> list(
            @Parameter(description = "Exactly this issuing jurisdiction (000000 = national)") @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "Part of the code, name or English name") @QueryParam("q") String q,
            @Parameter(description = "Only frameworks changed (or whose versions changed) at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        FrameworkService.Filter filter = new FrameworkService.Filter(
                QueryParams.matching("jurisdiction", jurisdiction, JURISDICTION, "000000 (national) or a 6-digit region code"),
                q == null || q.isBlank() ? null : q.trim(),
                QueryParams.instant("updatedSince", updatedSince));
        return frameworks.list(filter, PageRequest.of(limit, cursor, sort, includeTotal, FrameworkService.SORTABLE, "code"));
    }

    @GET
    @Path("/{frameworkCode}")
    @Operation(operationId = "getFramework", summary = "Get a framework, and the version in force in a year",
            description = "With `year`, `inForce` is the version in force that year: the latest one effective from that "
                    + "year or before (404 when none is). The ETag changes when the framework or any of its versions does.")
    @APIResponse(responseCode = "200", description = "The framework; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("frameworkCode") String frameworkCode,
            @Parameter(description = "Include the version in force in this year") @QueryParam("year") String year,
            @Context Request request) {
        requireCode(frameworkCode);
        FrameworkView framework = frameworks.get(frameworkCode, year(year, "year"));
        return ETags.read(request, framework, framework.version());
    }

    @PUT
    @Path("/{frameworkCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "putFramework", summary = "Create or replace a framework",
            description = "201 when created, 200 when replaced. The content lives in versions "
                    + "(`PUT /indicators/v1/frameworks/{frameworkCode}/versions/{effectiveFromYear}`). Codes are "
                    + "lower-case words joined by hyphens, 3 to 64 characters. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkView.class)))
    public Response put(@PathParam("frameworkCode") String frameworkCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FrameworkInput body) {
        requireCode(frameworkCode);
        FrameworkService.PutResult<FrameworkView> result = frameworks.put(frameworkCode, body, ifMatch);
        return ETags.written(result.created(), "/indicators/v1/frameworks/" + frameworkCode, result.view(), result.view().version());
    }

    @DELETE
    @Path("/{frameworkCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "deleteFramework", summary = "Delete a framework without versions",
            description = "A framework that still has versions is a 409: delete its versions first.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It still has versions",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("frameworkCode") String frameworkCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(frameworkCode);
        frameworks.delete(frameworkCode, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{frameworkCode}/versions/{effectiveFromYear}")
    @Operation(operationId = "getFrameworkVersion", summary = "Get the framework version effective from a year")
    @APIResponse(responseCode = "200", description = "The version; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response getVersion(@PathParam("frameworkCode") String frameworkCode,
            @PathParam("effectiveFromYear") String effectiveFromYear, @Context Request request) {
        requireCode(frameworkCode);
        FrameworkVersionView version = frameworks.getVersion(frameworkCode, requiredYear(effectiveFromYear));
        return ETags.read(request, version, version.version());
    }

    @PUT
    @Path("/{frameworkCode}/versions/{effectiveFromYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "putFrameworkVersion", summary = "Create or replace the version effective from a year",
            description = "201 when created, 200 when replaced. Rejected with 400 and every problem at once: weights that "
                    + "do not sum to exactly 100 (the error names the sum), weights with more than 2 decimals, unknown "
                    + "indicators, an indicator twice, dimensions deeper than 3 levels, empty or mixed dimensions "
                    + "(a dimension holds either sub-dimensions or indicators), a scoring rule without what it needs "
                    + "(ratio and threshold: a target or useStandard; band: low ≤ high and zeroDistance > 0), ratio "
                    + "scoring of a band indicator. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkVersionView.class)))
    public Response putVersion(@PathParam("frameworkCode") String frameworkCode,
            @PathParam("effectiveFromYear") String effectiveFromYear,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull FrameworkVersionInput body) {
        requireCode(frameworkCode);
        int year = requiredYear(effectiveFromYear);
        FrameworkService.PutResult<FrameworkVersionView> result = frameworks.putVersion(frameworkCode, year, body, ifMatch);
        return ETags.written(result.created(), "/indicators/v1/frameworks/" + frameworkCode + "/versions/" + year, result.view(), result.view().version());
    }

    @DELETE
    @Path("/{frameworkCode}/versions/{effectiveFromYear}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "deleteFrameworkVersion", summary = "Delete the version effective from a year",
            description = "The previous version, if any, is then in force until the next one. The change feed reports "
                    + "the deletion as a tombstone (resource type framework-version, key `{frameworkCode}/{year}`).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteVersion(@PathParam("frameworkCode") String frameworkCode,
            @PathParam("effectiveFromYear") String effectiveFromYear,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(frameworkCode);
        frameworks.deleteVersion(frameworkCode, requiredYear(effectiveFromYear), ifMatch);
        return Response.noContent().build();
    }

    private static void requireCode(String code) {
        if (code == null || !FRAMEWORK_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("frameworkCode", "invalid_format", "'" + code
                    + "' is not a framework code (lower-case words joined by hyphens, e.g. js-modernization-2013)");
        }
    }

    private static int requiredYear(String value) {
        Integer year = year(value, "effectiveFromYear");
        if (year == null) {
            throw ProblemException.invalid("effectiveFromYear", "required", "name the year");
        }
        return year;
    }

    private static Integer year(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().matches("\\d{4}")) {
            int year = Integer.parseInt(value.trim());
            if (year >= 1949 && year <= 2100) {
                return year;
            }
        }
        throw ProblemException.invalid(name, "invalid_year", "'" + value + "' is not a year from 1949 to 2100");
    }
}
