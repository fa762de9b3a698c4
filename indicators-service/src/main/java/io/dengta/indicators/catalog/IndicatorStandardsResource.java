package io.dengta.indicators.catalog;

import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.ProblemException;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/indicators/{indicatorCode}/standards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Standards")
public class IndicatorStandardsResource {

    private static final Pattern REGION = Pattern.compile("\\d{6}");

    private final StandardService standards;

    public IndicatorStandardsResource(StandardService standards) {
        this.standards = standards;
    }

    @GET
    @Operation(operationId = "getApplicableStandard", summary = "The standard that applies to a region in a year",
            description = "Among the indicator's standards in force that year whose jurisdiction covers the region and "
                    + "whose stages include the stage (or are every stage), the most specific: the district's own, else "
                    + "its city's, its province's, the national one. Without `stage`, the standards in question must "
                    + "not differ by stage (otherwise 400 naming the stages to choose from). 404 when none applies.")
    public ApplicableStandardView applicable(@PathParam("indicatorCode") String indicatorCode,
            @Parameter(description = "The region's 6-digit code (000000 for the national standard)", required = true)
            @QueryParam("jurisdiction") String jurisdiction,
            @Parameter(description = "The year, 1949 to 2100", required = true) @QueryParam("year") String year,
            @Parameter(description = "kindergarten, primary, junior, senior, vocational, special") @QueryParam("stage") String stage) {
        IndicatorResource.requireCode(indicatorCode);
        if (jurisdiction == null || jurisdiction.isBlank()) {
            throw ProblemException.invalid("jurisdiction", "required", "name the region, e.g. 320113");
        }
        String region = QueryParams.matching("jurisdiction", jurisdiction, REGION, "a 6-digit region code");
        int inYear = StandardResource.year(year, true);
        String forStage = QueryParams.oneOf("stage", stage, Vocabulary.STAGES);
        StandardService.Applicable applicable = standards.applicable(indicatorCode, region, inYear, forStage);
        if (!applicable.indicatorExists()) {
            throw IndicatorService.notFound(indicatorCode);
        }
        StandardRules.Resolution resolution = applicable.resolution();
        if (resolution.ambiguous()) {
            throw ProblemException.invalid("stage", "required", "the standards of " + indicatorCode + " for " + region
                    + " in " + inYear + " differ by stage; name one of " + String.join(", ",
                            resolution.stagesToChooseFrom()));
        }
        if (resolution.standard() == null) {
            throw ProblemException.notFound("No standard of " + indicatorCode + " applies to " + region + " in " + inYear
                    + (forStage == null ? "" : " for " + forStage));
        }
        return new ApplicableStandardView(indicatorCode, region, inYear, forStage,
                Jurisdictions.level(resolution.standard().jurisdiction()), resolution.standard());
    }
}
