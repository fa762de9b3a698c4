package io.dengta.indicators.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The standard that applies to a region in a year (and stage), and where in the hierarchy it was found. */
@Schema(name = "ApplicableStandard")
public record ApplicableStandardView(
        String indicator,
        @Schema(description = "The region asked about") String jurisdiction,
        int year,
        @Schema(description = "The stage asked about, if any") String stage,
        @Schema(description = "Level of the jurisdiction whose standard applies: district, city, province or national")
        String appliesFrom,
        StandardView standard) {
}
