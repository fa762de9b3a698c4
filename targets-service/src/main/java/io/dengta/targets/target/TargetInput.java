package io.dengta.targets.target;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /targets/v1/plans/{planCode}/targets/{targetCode}}. For {@code change} targets
 * {@code value}/{@code low}/{@code high} are signed changes relative to the baseline; a {@code milestone} has no
 * indicator, comparator or values.
 */
@Schema(name = "TargetInput", example = """
        {"goal": "preschool", "title": "学前教育净入学率达99%以上", "kind": "indicator",
         "indicator": "pre.net_enrollment_rate", "unit": "320211", "comparator": ">=", "value": 99,
         "deadline": "2024", "baselineValue": 98.6, "baselinePeriod": "2023"}""")
public record TargetInput(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be 1 to 64 lower-case letters, digits or '-'") String code,
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a goal code") String goal,
        @NotBlank @Size(max = 300) String title,
        @Size(max = 4000) String description,
        @NotNull @Pattern(regexp = "indicator|change|count|milestone",
                message = "must be indicator, change, count or milestone") String kind,
        @Schema(description = "Catalog indicator code (absent for milestones)")
        @Pattern(regexp = "[a-z0-9_]+(\\.[a-z0-9_]+)*", message = "must be an indicator code such as pre.net_enrollment_rate")
        @Size(max = 64) String indicator,
        @Schema(description = "The region (6 digits) or school (10 digits) the target is about")
        @NotNull @Pattern(regexp = "\\d{6}|\\d{10}", message = "must be a 6-digit region or 10-digit school code") String unit,
        @Schema(description = "The region of a school unit (absent for regions). Optional: schools-service is asked for "
                + "the school's region; when given it must match. While schools-service is down it is taken as given (or "
                + "as the code's first 6 digits) and the target is unverified until a re-check confirms it")
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit region code") String schoolRegion,
        @Pattern(regexp = "kindergarten|primary|junior|senior|vocational|special",
                message = "must be kindergarten, primary, junior, senior, vocational or special") String stage,
        @Schema(description = ">=, <=, =, between (absent for milestones)")
        @Pattern(regexp = ">=|<=|=|between", message = "must be >=, <=, = or between") String comparator,
        @Schema(description = "Target value (comparators >=, <=, =)") BigDecimal value,
        @Schema(description = "Band low end (comparator between)") BigDecimal low,
        @Schema(description = "Band high end (comparator between)") BigDecimal high,
        @Schema(description = "Deadline period, e.g. 2025 or 2024Sep; must start within the plan's years")
        @NotNull String deadline,
        BigDecimal baselineValue,
        @Schema(description = "Period of the baseline, before the deadline") String baselinePeriod,
        @Schema(description = "indicators (observations), registry (schools-service statistics) or reports (accepted "
                + "progress reports); default: indicators for indicator and change targets, registry for counts, reports "
                + "for milestones")
        @Pattern(regexp = "indicators|registry|reports", message = "must be indicators, registry or reports") String actualSource,
        List<@Valid @NotNull MilestoneInput> milestones,
        @Schema(description = "The phrase of the source document the target encodes")
        @Size(max = 2000) String sourceText) {

    /** This input with the school unit's region as schools-service confirmed it. */
    public TargetInput withSchoolRegion(String region) {
        return new TargetInput(code, goal, title, description, kind, indicator, unit, region, stage, comparator, value, low,
                high, deadline, baselineValue, baselinePeriod, actualSource, milestones, sourceText);
    }

    /** The actual source a target of {@code kind} uses when none is given. */
    public static String defaultActualSource(String kind) {
        return switch (kind) {
            case "milestone" -> "reports";
            case "count" -> "registry";
            default -> "indicators";
        };
    }
}
