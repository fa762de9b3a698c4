package io.dengta.indicators.quality;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing a quality check found about one observation. */
@Schema(name = "QualityFinding")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityFinding(
        @Schema(description = "range, count-whole, a cross-indicator rule's code (e.g. net-at-most-gross), "
                + "history-z-score, history-modified-z-score, year-over-year-jump, peer-modified-z-score") String rule,
        @Schema(enumeration = { "error", "warning" }, description = "error: the value cannot be right; warning: it "
                + "may be, but stands out") String severity,
        String indicator,
        @Schema(description = "Region or school code") String unit,
        @Schema(enumeration = { "region", "school" }) String unitType,
        String region,
        String stage,
        String period,
        BigDecimal value,
        @Schema(description = "Lowest value the rule expects (absent: unbounded)") BigDecimal expectedMin,
        @Schema(description = "Highest value the rule expects (absent: unbounded)") BigDecimal expectedMax,
        @Schema(description = "What the value was compared with, e.g. `pre.gross_enrollment_rate = 97.5`, "
                + "`2023 = 120`, `5 earlier periods`, `12 schools of 320113`") String reference,
        @Schema(description = "The score that tripped the rule: z, modified z, or the year-over-year change as a share") BigDecimal score,
        String message) {
}
