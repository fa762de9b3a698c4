package io.dengta.indicators.quality;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.indicators.observation.ObservationAccess;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/quality-checks")
@Authenticated
@Tag(name = "Analysis")
public class QualityResource {

    private final QualityService quality;
    private final ObservationAccess access;

    public QualityResource(QualityService quality, ObservationAccess access) {
        this.quality = quality;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getQualityChecks", summary = "Data-quality findings of a region's observations for a period",
            description = "Checks every observation of the period of the region, its sub-regions and their schools. "
                    + "Errors: `range` (the indicator's own range, else 0–100 for % and score, ≥ 0 otherwise), "
                    + "`count-whole`, and cross-indicator rules (`net-at-most-gross`: net ≤ gross enrolment; "
                    + "`very-large-classes-within-large`; `public-within-inclusive`; `compliant-and-large-classes-disjoint`). "
                    + "Warnings: outliers over the unit's history of the same period type (`history-z-score` with the "
                    + "sample standard deviation, `history-modified-z-score` = 0.6745 × (x − median) ÷ MAD; at least 4 "
                    + "earlier values out of the last 10 periods), `year-over-year-jump` (a change of more than 50% from the "
                    + "same period a year earlier), and `peer-modified-z-score` among the same indicator, stage and period "
                    + "of sibling units (schools of one region, regions of one parent; at least 5). Thresholds: |z| > 3, "
                    + "|modified z| > 3.5 (configurable, echoed in `settings`). The whole region must be in your scope "
                    + "(else 404); viewers get checks over approved values only.")
    public QualityView get(
            @Parameter(description = "6-digit region code", required = true) @QueryParam("region") String region,
            @Parameter(description = "Period code, e.g. 2024 or 2024Sep", required = true) @QueryParam("period") String period) {
        List<FieldError> errors = new ArrayList<>();
        if (region == null || region.isBlank()) {
            errors.add(new FieldError("region", "required", "a 6-digit region code is required"));
        } else if (!RegionCodes.isValid(region)) {
            errors.add(new FieldError("region", "invalid_region", "'" + region + "' is not a 6-digit region code"));
        }
        Period p = null;
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "required", "the period code is required, e.g. 2024"));
        } else {
            try {
                p = Period.parse(period);
            } catch (InvalidPeriodException e) {
                errors.add(new FieldError("period", "invalid_period", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!access.covers(region, region)) {
            throw ProblemException.notFound("Region " + region + " not found");
        }
        return quality.check(region, p, access.listScope());
    }
}
