package io.dengta.indicators.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
import io.dengta.indicators.score.AnalysisMeters;
import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.quarkus.security.Authenticated;

@Path("/indicators/v1/balance")
@Authenticated
@Tag(name = "Analysis", description = "Balance between schools and data quality checks")
public class BalanceResource {

    private final BalanceService balance;
    private final ObservationAccess access;
    private final AnalysisMeters meters;

    public BalanceResource(BalanceService balance, ObservationAccess access, AnalysisMeters meters) {
        this.balance = balance;
        this.access = access;
        this.meters = meters;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBalance", summary = "Balance between a region's schools (均衡, 差异系数)",
            description = "From the school-level observations of the period, for each of the 7 resource indicators of "
                    + "教督〔2017〕6号: the pupil-weighted coefficient of variation CV = S ÷ mean with mean = ΣPᵢxᵢ ÷ P and "
                    + "S = √(Σ(Pᵢ ÷ P)(xᵢ − mean)²), Pᵢ the school's pupils (its `ce.pupils` observation for the stage, "
                    + "else the denominator of its resource observations), xᵢ its per-pupil value; the rule's maximum "
                    + "(national: primary 0.50, junior 0.45) and pass/fail; the 5 schools furthest from the mean. "
                    + "Special schools (any observation at stage `special` for the period) and schools under the rule's "
                    + "minimum pupils (50) are left out. Also how many schools meet at least 6 of the 7 school standards "
                    + "and which schools lack data. The whole region must be in your scope (else 404); viewers get "
                    + "figures over approved values only.")
    public BalanceView get(
            @Parameter(description = "6-digit region code (its sub-regions' schools are included)", required = true) @QueryParam("region") String region,
            @Parameter(description = "primary or junior (the stages a balance rule exists for)", required = true) @QueryParam("stage") String stage,
            @Parameter(description = "Period code, usually a school year such as 2024Sep", required = true) @QueryParam("period") String period) {
        List<FieldError> errors = new ArrayList<>();
        if (region == null || region.isBlank()) {
            errors.add(new FieldError("region", "required", "a 6-digit region code is required"));
        } else if (!RegionCodes.isValid(region)) {
            errors.add(new FieldError("region", "invalid_region", "'" + region + "' is not a 6-digit region code"));
        }
        List<String> stages = balance.stagesWithRule();
        if (stage == null || stage.isBlank()) {
            errors.add(new FieldError("stage", "required", "the stage is required: one of " + String.join(", ", stages)));
        } else if (!stages.contains(stage)) {
            errors.add(new FieldError("stage", "unknown_value", "no balance rule for '" + stage + "': one of "
                    + String.join(", ", stages)));
        }
        Period p = null;
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "required", "the period code is required, e.g. 2024Sep"));
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
        int year = p.startDate().getYear();
        Optional<BalanceRule> rule = balance.rule(region, stage, year);
        if (rule.isEmpty()) {
            throw ProblemException.invalid("period", "no_rule_in_force", "no balance rule for " + stage + " in "
                    + region + " is in force in " + year);
        }
        Period asked = p;
        return meters.balance(stage, () -> balance.balance(region, stage, asked, rule.get(), access.listScope()));
    }
}
