package io.dengta.indicators.observation;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.paging.Page;
import io.dengta.commons.paging.PageRequest;
import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.dengta.commons.period.PeriodType;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1")
@Authenticated
@Tag(name = "Observation queries", description = "Time series and cross-sections for front-ends")
public class ObservationQueryResource {

    static final String TEXT_CSV = "text/csv";
    static final int MAX_SERIES_INDICATORS = 50;
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern UNIT = Pattern.compile("\\d{6}|\\d{10}");
    /** The columns of an import: an export can be imported again as it is. */
    static final List<String> CSV_COLUMNS = List.of("indicator", "unit", "region", "period", "stage", "value",
            "numerator", "denominator", "status", "source", "comment");

    private final ObservationQueries queries;
    private final ObservationService observations;
    private final ObservationAccess access;

    public ObservationQueryResource(ObservationQueries queries, ObservationService observations, ObservationAccess access) {
        this.queries = queries;
        this.observations = observations;
        this.access = access;
    }

    /** For the contract: the JSON page of a cross-section. */
    @Schema(name = "ObservationPage")
    public record ObservationPage(List<ObservationView> items, String next, Long total) {
    }

    @GET
    @Path("/series")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getObservationSeries", summary = "A unit's values of some indicators over periods",
            description = "One series per indicator and stage, points in period order (start date, then end date). An "
                    + "indicator without values in range has one empty series. Values outside your scope are left out; "
                    + "viewers see approved values only. At most " + ObservationQueries.MAX_SERIES_POINTS + " points.")
    public ObservationQueries.SeriesView series(
            @Parameter(description = "6-digit region code or 10-digit school code", required = true) @QueryParam("unit") String unit,
            @Parameter(description = "Indicator codes, comma-separated (at most 50)", required = true) @QueryParam("indicators") String indicators,
            @Parameter(description = "First period: only periods starting on or after its start") @QueryParam("from") String from,
            @Parameter(description = "Last period: only periods ending on or before its end") @QueryParam("to") String to,
            @Parameter(description = "Only this stage") @QueryParam("stage") String stage,
            @Parameter(description = "Only this kind of period: year, half-year, quarter, month, school-year, term") @QueryParam("periodType") String periodType) {
        List<FieldError> errors = new ArrayList<>();
        if (unit == null || !UNIT.matcher(unit).matches()) {
            errors.add(new FieldError("unit", unit == null ? "required" : "invalid_unit",
                    "a 6-digit region code or a 10-digit school code is required"));
        }
        List<IndicatorRef> refs = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        if (indicators != null) {
            for (String code : indicators.split(",")) {
                if (!code.isBlank()) {
                    codes.add(code.trim());
                }
            }
        }
        if (codes.isEmpty()) {
            errors.add(new FieldError("indicators", "required", "give one or more indicator codes, comma-separated"));
        } else if (codes.size() > MAX_SERIES_INDICATORS) {
            errors.add(new FieldError("indicators", "too_many", "at most " + MAX_SERIES_INDICATORS + " indicators"));
        }
        for (String code : codes) {
            observations.indicator(code).ifPresentOrElse(refs::add, () -> errors.add(new FieldError("indicators",
                    "unknown_indicator", "'" + code + "' is not an indicator of the catalog")));
        }
        Period first = period("from", from, errors);
        Period last = period("to", to, errors);
        if (first != null && last != null && first.startDate().isAfter(last.endDate())) {
            errors.add(new FieldError("from", "after_to", "from " + first + " starts after to " + last + " ends"));
        }
        if (stage != null && !stage.isBlank() && !ObservationRules.STAGES.contains(stage)) {
            errors.add(new FieldError("stage", "unknown_value", "'" + stage + "' is not one of " + String.join(", ", ObservationRules.STAGES)));
        }
        PeriodType type = null;
        if (periodType != null && !periodType.isBlank()) {
            try {
                type = PeriodType.fromCode(periodType);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("periodType", "unknown_value", "'" + periodType
                        + "' is not one of year, half-year, quarter, month, school-year, term"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return queries.series(unit, refs, first, last, stage == null || stage.isBlank() ? null : stage, type,
                access.listScope());
    }

    @GET
    @Path("/cross-section")
    @Produces({ MediaType.APPLICATION_JSON, TEXT_CSV })
    @Operation(operationId = "getObservationCrossSection", summary = "One indicator and period for every unit in a region",
            description = "The region itself, its sub-regions and their schools (`unitType` narrows it), within your scope; "
                    + "viewers see approved values only. Sortable by unit (default), value, updatedAt; cursor paging. "
                    + "With `Accept: text/csv` the whole cross-section (no paging) as CSV in the import's columns, so an "
                    + "export can be imported again.")
    @APIResponse(responseCode = "200", description = "A page of observations, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ObservationPage.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    example = "indicator,unit,region,period,stage,value,numerator,denominator,status,source,comment\n"
                            + "qb.key_teachers_per100,3201130001,320113,2024Sep,primary,2.35,47,2000,approved,qixia-edu-stats,\n") })
    public Response crossSection(
            @Parameter(description = "Indicator code", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "Period code", required = true) @QueryParam("period") String period,
            @Parameter(description = "6-digit region code; its sub-regions and schools are included", required = true) @QueryParam("region") String region,
            @Parameter(description = "Required for indicators reported per stage (optional when it has one stage); "
                    + "for others, a stage breakdown (absent: the value for all stages)") @QueryParam("stage") String stage,
            @Parameter(description = "region or school") @QueryParam("unitType") String unitType,
            @Parameter(description = "Only observations changed at or after this instant") @QueryParam("updatedSince") String updatedSince,
            @Parameter(description = "Page size, 1 to 1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The `next` value of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "e.g. `-value` (highest first), `unit`, `updatedAt`") @QueryParam("sort") String sort,
            @Parameter(description = "Add the total count (costs a query)") @QueryParam("includeTotal") String includeTotal,
            @Context HttpHeaders headers) {
        List<FieldError> errors = new ArrayList<>();
        IndicatorRef ref = null;
        if (indicator == null || indicator.isBlank()) {
            errors.add(new FieldError("indicator", "required", "the indicator code is required"));
        } else {
            ref = observations.indicator(indicator).orElse(null);
            if (ref == null) {
                errors.add(new FieldError("indicator", "unknown_indicator", "'" + indicator + "' is not an indicator of the catalog"));
            }
        }
        Period p = period("period", period, errors);
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "required", "the period code is required"));
        }
        if (region == null || !REGION.matcher(region).matches()) {
            errors.add(new FieldError("region", region == null ? "required" : "invalid_region", "a 6-digit region code is required"));
        }
        String effectiveStage = ObservationRules.stage(ref, stage, "stage", errors).orElse(null);
        String type = null;
        try {
            type = QueryParams.oneOf("unitType", unitType, List.of("region", "school"));
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        java.time.OffsetDateTime since = null;
        try {
            since = QueryParams.instant("updatedSince", updatedSince);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        boolean csv = wantsCsv(headers);
        PageRequest page = null;
        try {
            page = PageRequest.of(csv ? null : limit, csv ? null : cursor, sort, csv ? null : includeTotal,
                    ObservationQueries.CROSS_SECTION_SORTABLE, "unit");
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ObservationQueries.CrossSection filter = new ObservationQueries.CrossSection(ref, p, region,
                effectiveStage == null ? ObservationKey.NO_STAGE : effectiveStage, type, since);
        ObservationAccess.ListScope scope = access.listScope();
        if (!csv) {
            Page<ObservationView> result = queries.crossSection(filter, page, scope);
            return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
        }
        String sortOrder = sort == null || sort.isBlank() ? "unit" : sort;
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            out.write(String.join(",", CSV_COLUMNS));
            out.write('\n');
            queries.crossSectionPages(filter, sortOrder, scope, items -> {
                try {
                    for (ObservationView o : items) {
                        writeCsvRow(out, o);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.flush();
        };
        String filename = ref.code() + "_" + p.code() + "_" + region + (effectiveStage == null ? "" : "_" + effectiveStage) + ".csv";
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType()) {
                return false;
            }
            if (accepted.getType().equals("text") && (accepted.getSubtype().equals("csv") || accepted.isWildcardSubtype())) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static void writeCsvRow(Writer out, ObservationView o) throws java.io.IOException {
        String[] fields = { o.indicator(), o.unit(), o.region(), o.period(), o.stage(), plain(o.value()),
                plain(o.numerator()), plain(o.denominator()), o.status(), o.source(), o.comment() };
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(fields[i]));
        }
        out.write('\n');
    }

    private static String plain(java.math.BigDecimal n) {
        return n == null ? null : n.toPlainString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static Period period(String name, String code, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Period.parse(code);
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError(name, "invalid_period", e.getMessage()));
            return null;
        }
    }
}
