package io.dengta.indicators.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.dengta.indicators.framework.FrameworkVersionInput;

/** The scores of one or more regions on a framework version for a period. */
@Schema(name = "FrameworkScores")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoresView(
        String framework,
        String frameworkName,
        @Schema(description = "effectiveFromYear of the version used: the one in force in the period's year unless "
                + "`version` named one") int version,
        String period,
        @Schema(description = "The stage asked for, if any") String stage,
        @Schema(description = "In the order asked for") List<RegionScore> regions) {

    @Schema(name = "RegionScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RegionScore(
            String region,
            @Schema(description = "0–100: Σ points earned ÷ Σ weights of the scored indicators × 100, 2 decimals; "
                    + "absent when no indicator could be scored") BigDecimal score,
            @Schema(description = "Weight of the indicators that were scored (of 100)") BigDecimal coveredWeight,
            @Schema(description = "Weight of the indicators that could not be scored (listed in `missing`)")
            BigDecimal missingWeight,
            @Schema(description = "False when some weight is missing: the score is over coveredWeight, not 100")
            boolean complete,
            BigDecimal pointsEarned,
            @Schema(description = "Over the scored indicators") BigDecimal pointsLost,
            @Schema(description = "The indicators not scored, heaviest first") List<Missing> missing,
            List<DimensionScore> dimensions) {
    }

    @Schema(name = "ScoreMissingIndicator")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Missing(String indicator, String dimension, BigDecimal weight,
            @Schema(enumeration = { "no-value", "no-target", "stage-required" }) String reason, String message) {
    }

    @Schema(name = "DimensionScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DimensionScore(
            String code,
            String name,
            String nameEn,
            @Schema(description = "Σ weights below it") BigDecimal weight,
            @Schema(description = "The dimension's own score, on the indicators below it that were scored")
            BigDecimal score,
            BigDecimal coveredWeight,
            BigDecimal pointsEarned,
            BigDecimal pointsLost,
            List<DimensionScore> dimensions,
            List<IndicatorScore> indicators) {
    }

    @Schema(name = "IndicatorScore")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorScore(
            String indicator,
            @Schema(description = "From the catalog") String name,
            @Schema(description = "From the catalog") String unit,
            @Schema(description = "From the catalog") String direction,
            BigDecimal weight,
            boolean illustrativeWeight,
            @Schema(enumeration = { "ratio", "threshold", "band" }) String scoring,
            @Schema(description = "The stage whose value was read (absent: all stages)") String stage,
            BigDecimal value,
            @Schema(description = "The observation's status: draft, submitted, approved") String valueStatus,
            Target target,
            FrameworkVersionInput.Band band,
            @Schema(description = "0–1, 4 decimals") BigDecimal achievement,
            @Schema(description = "weight × achievement, 4 decimals") BigDecimal pointsEarned,
            @Schema(description = "weight − pointsEarned") BigDecimal pointsLost,
            @Schema(enumeration = { "scored", "no-value", "no-target", "stage-required" }) String status,
            @Schema(description = "Why it was not scored") String message) {
    }

    @Schema(name = "ScoreTarget")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(
            @Schema(enumeration = { ">=", "<=", "=", "between" }) String comparator,
            BigDecimal value,
            BigDecimal valueHigh,
            @Schema(enumeration = { "framework", "standard" }) String source,
            @Schema(description = "The standard's id, when the target is a standard") UUID standard,
            @Schema(description = "The standard's jurisdiction") String jurisdiction,
            @Schema(description = "district, city, province or national") String appliesFrom,
            @Schema(description = "The standard's source document") String document) {
    }
}
