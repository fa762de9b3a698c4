package io.dengta.indicators.balance;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The balance (均衡) of a region's schools for a stage and period. */
@Schema(name = "Balance")
public record BalanceView(
        String region,
        String stage,
        String period,
        Rule rule,
        @Schema(description = "True when every resource indicator has a CV within the rule; false when one exceeds it; "
                + "absent when none exceeds it but some could not be computed") Boolean passed,
        Schools schools,
        List<IndicatorBalance> indicators,
        SchoolStandards schoolStandards,
        Coverage coverage) {

    /** The method applied: where it comes from and its figures. */
    @Schema(name = "BalanceRule")
    public record Rule(
            @Schema(description = "000000 = national") String jurisdiction,
            String source,
            @Schema(description = "Largest CV allowed for each resource indicator") BigDecimal maxCv,
            @Schema(description = "Schools (teaching points) with fewer pupils are left out") int minPupils,
            @Schema(description = "Resource standards each school must meet") int minStandardsMet,
            @Schema(description = "Of this many resource indicators") int resourceIndicators) {
    }

    /** Which schools the figures are over. */
    @Schema(name = "BalanceSchools")
    public record Schools(
            @Schema(description = "Schools with any resource, enrolment or stage observation for the period") int found,
            @Schema(description = "Schools counted (not special, pupils known and at least minPupils)") int included,
            @Schema(description = "Special schools (a stage `special` observation for the period), left out") int excludedSpecial,
            @Schema(description = "Schools under minPupils pupils, left out") int excludedSmall,
            @Schema(description = "Schools whose pupils are unknown (no enrolment observation and no denominator), left out") int withoutPupils) {
    }

    /** One resource indicator's spread over the included schools. */
    @Schema(name = "IndicatorBalance")
    public record IndicatorBalance(
            String indicator,
            @Schema(description = "Included schools with a value") int schools,
            @Schema(description = "Their pupils (the weights)") BigDecimal pupils,
            @Schema(description = "Pupil-weighted mean ΣPᵢxᵢ ÷ P") BigDecimal mean,
            @Schema(description = "S = √(Σ(Pᵢ ÷ P)(xᵢ − mean)²)") BigDecimal standardDeviation,
            @Schema(description = "S ÷ mean, 4 decimals; absent without data or with a mean of 0") BigDecimal cv,
            BigDecimal maxCv,
            @Schema(description = "cv ≤ maxCv; absent when cv is") Boolean passed,
            @Schema(description = "The schools furthest from the mean, by |xᵢ − mean| ÷ mean (at most 5)") List<SchoolDeviation> furthest) {
    }

    @Schema(name = "BalanceSchoolDeviation")
    public record SchoolDeviation(String school, String region, BigDecimal pupils, BigDecimal value,
            @Schema(description = "|xᵢ − mean| ÷ mean, 4 decimals") BigDecimal relativeDeviation,
            @Schema(description = "above or below the mean") String side) {
    }

    /** How many included schools meet at least minStandardsMet of the resource standards. */
    @Schema(name = "BalanceSchoolStandards")
    public record SchoolStandards(
            @Schema(description = "Resource indicators with a standard for the region, stage and year") List<String> withStandard,
            @Schema(description = "Schools that meet at least minStandardsMet") int meeting,
            @Schema(description = "Schools that cannot reach minStandardsMet even with their missing values") int notMeeting,
            @Schema(description = "Schools whose missing values decide it") int undetermined,
            @Schema(description = "The schools not meeting or undetermined, with what they met") List<SchoolStandardsMet> shortfalls) {
    }

    @Schema(name = "BalanceSchoolStandardsMet")
    public record SchoolStandardsMet(String school, int met, List<String> notMet, List<String> missing) {
    }

    /** Included schools lacking a value of some resource indicator, and schools left out for unknown pupils. */
    @Schema(name = "BalanceCoverage")
    public record Coverage(
            @Schema(description = "Schools lacking a value of at least one resource indicator, or their pupils") int schoolsLackingData,
            List<SchoolGap> gaps) {
    }

    @Schema(name = "BalanceSchoolGap")
    public record SchoolGap(String school, String region,
            @Schema(description = "Indicator codes without a value; ce.pupils when the pupils are unknown") List<String> missing) {
    }
}
