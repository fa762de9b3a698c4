package io.dengta.indicators.score;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.indicators.catalog.Vocabulary;
import io.dengta.indicators.framework.FrameworkService;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/frameworks/{frameworkCode}/scores")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Scores", description = "Composite framework scores that explain themselves: per dimension and indicator "
        + "the value, target, achievement, points earned and lost, and the weight not covered by data")
public class ScoreResource {

    static final int MAX_REGIONS = 20;
    static final Pattern REGION = Pattern.compile("[1-8]\\d{5}");
    private static final Pattern FRAMEWORK_CODE = Pattern.compile(FrameworkService.CODE_PATTERN);

    private final ScoreService scores;
    private final ScoreAccess access;
    private final AnalysisMeters meters;

    public ScoreResource(ScoreService scores, ScoreAccess access, AnalysisMeters meters) {
        this.scores = scores;
        this.access = access;
        this.meters = meters;
    }

    @GET
    @Operation(operationId = "getFrameworkScores", summary = "Score one or more regions on a framework for a period",
            description = "Compare regions in one call: `region=320113,320115` (or `region` repeated), up to "
                    + MAX_REGIONS + ", each in the caller's scope (else 404). The version in force in the period's "
                    + "(start) year is used unless `version` names one. Rules: `ratio` achievement = min(actual ÷ "
                    + "target, 1) for higher-better, min(target ÷ actual, 1) for lower-better (actual 0 achieves 1); "
                    + "`threshold` full weight when the target's or standard's comparator holds, else 0; `band` full "
                    + "weight inside [low, high], falling linearly to 0 at zeroDistance outside. Targets are the "
                    + "leaf's own, or (useStandard) the standard that applies to the region, year and stage (most "
                    + "specific jurisdiction). score = Σ points earned ÷ Σ weights of the scored indicators × 100; "
                    + "indicators without a value (or target) are listed in `missing` with their weight and never "
                    + "count as 0, so `complete: false` says the score covers only `coveredWeight` of 100. Indicators "
                    + "of several stages need `stage` (otherwise `stage-required`), unless the framework leaf pins a "
                    + "stage: a pinned leaf always scores its stage, whatever `stage` asks. Viewers' scores use approved "
                    + "values only.")
    @APIResponse(responseCode = "200", description = "The scores, regions in the order asked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoresView.class)))
    @APIResponse(responseCode = "404", description = "Unknown framework, no version in force, or a region outside your scope",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public ScoresView scores(@PathParam("frameworkCode") String frameworkCode,
            @Parameter(description = "Region codes, comma-separated or repeated, e.g. 320113,320115", required = true)
            @QueryParam("region") List<String> region,
            @Parameter(description = "Period code, e.g. 2024 or 2024Sep", required = true) @QueryParam("period") String period,
            @Parameter(description = "effectiveFromYear of the framework version (default: in force in the period's year)")
            @QueryParam("version") String version,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage) {
        Params p = Params.parse("frameworkCode", frameworkCode, region, true, period, version, stage);
        for (String r : p.regions()) {
            if (!access.covers(r)) {
                throw ProblemException.notFound("Region " + r + " not found in your organisation scope");
            }
        }
        return meters.score(frameworkCode, () -> compute(frameworkCode, p));
    }

    private ScoresView compute(String frameworkCode, Params p) {
        ScoreService.Scorable scorable = scores.scorable(frameworkCode, p.version(), p.period());
        Map<String, ScoreService.RegionResult> results = scores.score(scorable, p.period(), p.stage(), p.regions(),
                access.visibleValues());
        return new ScoresView(scorable.frameworkCode(), scorable.frameworkName(), scorable.versionYear(),
                p.period().code(), p.stage(),
                results.values().stream().map(r -> scores.view(scorable, r)).toList());
    }

    /** The query of a score or gap request, checked all at once. */
    public record Params(List<String> regions, Period period, Integer version, String stage) {

        /**
         * @param frameworkPointer the parameter that names the framework (path or query)
         * @param regionsRequired false when the regions come from elsewhere (a benchmark group)
         */
        public static Params parse(String frameworkPointer, String frameworkCode, List<String> region,
                boolean regionsRequired, String period, String version, String stage) {
            List<FieldError> errors = new ArrayList<>();
            if (frameworkCode == null || frameworkCode.isBlank()) {
                errors.add(new FieldError(frameworkPointer, "required", "name the framework, e.g. js-modernization-2013"));
            } else if (!FRAMEWORK_CODE.matcher(frameworkCode).matches()) {
                errors.add(new FieldError(frameworkPointer, "invalid_format", "'" + frameworkCode
                        + "' is not a framework code (lower-case words joined by hyphens, e.g. js-modernization-2013)"));
            }
            Set<String> regions = new LinkedHashSet<>();
            if (regionsRequired) {
                for (String value : region == null ? List.<String>of() : region) {
                    for (String part : value.split(",")) {
                        String code = part.trim();
                        if (code.isEmpty()) {
                            continue;
                        }
                        if (!REGION.matcher(code).matches()) {
                            errors.add(new FieldError("region", "invalid_format", "'" + code
                                    + "' is not a 6-digit region code"));
                        } else {
                            regions.add(code);
                        }
                    }
                }
                if (regions.isEmpty() && errors.stream().noneMatch(e -> e.pointer().equals("region"))) {
                    errors.add(new FieldError("region", "required", "name one or more regions, e.g. 320113"));
                } else if (regions.size() > MAX_REGIONS) {
                    errors.add(new FieldError("region", "too_many", "at most " + MAX_REGIONS + " regions per call"));
                }
            }
            Period p = null;
            if (period == null || period.isBlank()) {
                errors.add(new FieldError("period", "required", "name the period, e.g. 2024 or 2024Sep"));
            } else {
                try {
                    p = Period.parse(period.trim());
                } catch (InvalidPeriodException e) {
                    errors.add(new FieldError("period", "invalid_period", e.getMessage()));
                }
            }
            Integer v = null;
            if (version != null && !version.isBlank()) {
                if (version.trim().matches("\\d{4}") && Integer.parseInt(version.trim()) >= 1949
                        && Integer.parseInt(version.trim()) <= 2100) {
                    v = Integer.parseInt(version.trim());
                } else {
                    errors.add(new FieldError("version", "invalid_year", "'" + version
                            + "' is not a year from 1949 to 2100 (a version's effectiveFromYear)"));
                }
            }
            String s = stage == null || stage.isBlank() ? null : stage.trim();
            if (s != null && !Vocabulary.STAGES.contains(s)) {
                errors.add(new FieldError("stage", "unknown_value", "'" + s + "' is not one of "
                        + String.join(", ", Vocabulary.STAGES)));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new Params(List.copyOf(regions), p, v, s);
        }
    }
}
