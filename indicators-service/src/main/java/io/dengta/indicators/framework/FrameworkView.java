package io.dengta.indicators.framework;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A framework with a summary of its versions, and the full version in force when a year was asked for. */
@Schema(name = "Framework")
public record FrameworkView(
        String code,
        String name,
        String nameEn,
        String description,
        @Schema(description = "The issuing jurisdiction (000000 = national)") String jurisdiction,
        String source,
        @Schema(description = "Oldest first") List<VersionSummary> versions,
        @Schema(description = "The version in force in the year asked for (only with ?year=)") FrameworkVersionView inForce,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @Schema(name = "FrameworkVersionSummary")
    public record VersionSummary(int effectiveFromYear, Integer effectiveToYear, int indicatorCount,
            @Schema(description = "The part of the 100 points whose weights are illustrative") BigDecimal illustrativeWeight,
            long version, OffsetDateTime updatedAt) {
    }
}
