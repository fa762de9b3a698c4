package io.dengta.indicators.quality;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quality checks of a region's observations for a period. */
@Schema(name = "QualityChecks")
public record QualityView(
        String region,
        String period,
        QualitySettings settings,
        @Schema(description = "Observations of the period checked (the region, its sub-regions and their schools)") int checked,
        @Schema(description = "Earlier observations read as their history") int historyValues,
        int errors,
        int warnings,
        @Schema(description = "Errors first, then by indicator, unit, stage and rule; at most " + QualityService.MAX_FINDINGS)
        List<QualityFinding> findings,
        @Schema(description = "True when there were more findings than listed") boolean truncated) {
}
