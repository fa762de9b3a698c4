package io.dengta.indicators.catalog;

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

@Path("/indicators/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Indicators", description = "The indicator catalog: public reference data every caller reads; "
        + "catalog admins maintain it")
public class IndicatorResource {

    static final Pattern INDICATOR_CODE = Pattern.compile(Vocabulary.INDICATOR_CODE_PATTERN);

    private final IndicatorService indicators;

    public IndicatorResource(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @GET
    @Operation(operationId = "listIndicators", summary = "List catalog indicators",
            description = "Filters combine with AND. `level=region` (or `school`) also lists indicators of level `both`; "
                    + "`stage` also lists indicators without stages (they apply to every stage). Sortable by code, "
                    + "name, updatedAt.")
    public Page<IndicatorView> list(
            @Parameter(description = "%, ratio, count, CNY, m2, score, per100") @QueryParam("unit") String unit,
            @Parameter(description = "higher-better, lower-better, band") @QueryParam("direction") String direction,
            @Parameter(description = "region, school, both") @QueryParam("level") String level,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage,
            @Parameter(description = "Part of the source, e.g. 教督〔2017〕6号") @QueryParam("source") String source,
            @Parameter(description = "Part of the code, name or English name") @QueryParam("q") String q,
            @Parameter(description = "Only indicators changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `name,-updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal) {
        IndicatorService.Filter filter = new IndicatorService.Filter(
                QueryParams.oneOf("unit", unit, Vocabulary.UNITS),
                QueryParams.oneOf("direction", direction, Vocabulary.DIRECTIONS),
                QueryParams.oneOf("level", level, Vocabulary.LEVELS),
                QueryParams.oneOf("stage", stage, Vocabulary.STAGES),
                blankToNull(source), blankToNull(q),
                QueryParams.instant("updatedSince", updatedSince));
        return indicators.list(filter,
                PageRequest.of(limit, cursor, sort, includeTotal, IndicatorService.SORTABLE, "code"));
    }

    @GET
    @Path("/{indicatorCode}")
    @Operation(operationId = "getIndicator", summary = "Get a catalog indicator")
    @APIResponse(responseCode = "200", description = "The indicator; ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response get(@PathParam("indicatorCode") String indicatorCode, @Context Request request) {
        requireCode(indicatorCode);
        IndicatorView indicator = indicators.get(indicatorCode);
        return ETags.read(request, indicator, indicator.version());
    }

    @PUT
    @Path("/{indicatorCode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "putIndicator", summary = "Create or replace a catalog indicator",
            description = "201 when created, 200 when replaced (an identical replacement changes nothing, not even the "
                    + "version). Codes are lower-case and dotted: 2 to 4 segments of letters, digits and single "
                    + "underscores, 3 to 64 characters (`qb.key_teachers_per100`). Absent decimals, minValue and maxValue "
                    + "take the unit's defaults (% and score: 0 to 100; other units: at least 0). Send If-Match with "
                    + "the ETag you read.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorView.class)))
    public Response put(@PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull IndicatorInput body) {
        requireCode(indicatorCode);
        IndicatorService.PutResult result = indicators.put(indicatorCode, body, ifMatch);
        return ETags.written(result.created(), "/indicators/v1/indicators/" + indicatorCode, result.indicator(), result.indicator().version());
    }

    @DELETE
    @Path("/{indicatorCode}")
    @RolesAllowed({ Roles.PLATFORM_ADMIN, Roles.CATALOG_ADMIN })
    @Operation(operationId = "deleteIndicator", summary = "Delete a catalog indicator",
            description = "Only an indicator no standard, framework version or observation uses (otherwise 409). "
                    + "The change feed reports the deletion as a tombstone.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Standards, framework versions or observations still use it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response delete(@PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "ETag of the version you read") @HeaderParam("If-Match") String ifMatch) {
        requireCode(indicatorCode);
        indicators.delete(indicatorCode, ifMatch);
        return Response.noContent().build();
    }

    static void requireCode(String code) {
        if (code == null || !INDICATOR_CODE.matcher(code).matches()) {
            throw ProblemException.invalid("indicatorCode", "invalid_format", "'" + code
                    + "' is not an indicator code (lower-case and dotted, e.g. qb.key_teachers_per100)");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
