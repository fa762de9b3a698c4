package io.dengta.targets.target;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dengta.commons.problem.FieldError;

/** A target as the API shows it, with the warnings its definition raises and whether its indicator is verified. */
@Schema(name = "Target")
public record TargetView(
        long id,
        String plan,
        String code,
        String goal,
        String title,
        String description,
        @Schema(description = "indicator, change, count, milestone") String kind,
        String indicator,
        String unit,
        String schoolRegion,
        String stage,
        String comparator,
        BigDecimal value,
        BigDecimal low,
        BigDecimal high,
        String deadline,
        BigDecimal baselineValue,
        String baselinePeriod,
        @Schema(description = "indicators, registry, reports") String actualSource,
        List<MilestoneInput> milestones,
        @Schema(description = "verified: indicators-service confirmed the indicator code (or there is none) and "
                + "schools-service a school unit's region; unverified: one of them could not be asked, see "
                + "verificationNote, re-checked later; rejected: a re-check found the indicator unknown or the school outside "
                + "the plan's region") String verification,
        String verificationNote,
        OffsetDateTime verifiedAt,
        @Schema(description = "The indicator's direction as indicators-service gave it") String indicatorDirection,
        @Schema(description = "The indicator's measure unit as indicators-service gave it") String indicatorUnit,
        String sourceText,
        @Schema(description = "Non-blocking findings, e.g. a comparator against the indicator's direction") List<FieldError> warnings,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static TargetView of(Target t) {
        return new TargetView(t.id, t.planCode, t.code, t.goalCode, t.title, t.description, t.kind, t.indicatorCode,
                t.unitCode, t.schoolRegion, t.stage, t.comparator, plain(t.targetValue), plain(t.targetLow),
                plain(t.targetHigh), t.deadlinePeriod, plain(t.baselineValue), t.baselinePeriod, t.actualSource,
                t.milestones.stream().map(m -> new MilestoneInput(m.period, plain(m.value))).toList(), t.verification,
                t.verificationNote, t.verifiedAt, t.indicatorDirection, t.indicatorUnit, t.sourceText,
                TargetRules.warnings(t.kind, t.comparator, t.targetValue, t.targetLow, t.targetHigh, t.indicatorDirection),
                t.version, t.createdAt, t.updatedAt);
    }

    /** Numbers as written (99, not 99.000000 at the column's scale). */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
