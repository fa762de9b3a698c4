package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalog indicator as the API shows it. */
@Schema(name = "Indicator")
public record IndicatorView(
        String code,
        String name,
        String nameEn,
        @Schema(description = "%, ratio, count, CNY, m2, score, per100") String unit,
        int decimals,
        @Schema(description = "higher-better, lower-better, band") String direction,
        @Schema(description = "region, school, both") String level,
        @Schema(description = "Empty: every stage") List<String> stages,
        @Schema(description = "sum, pupil-weighted-mean, ratio-of-sums, none") String aggregation,
        String definition,
        String source,
        @Schema(description = "Lowest valid value of an observation (absent: unbounded)") BigDecimal minValue,
        @Schema(description = "Highest valid value of an observation (absent: unbounded)") BigDecimal maxValue,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public static IndicatorView of(Indicator i) {
        return new IndicatorView(i.code, i.name, i.nameEn, i.unit, i.decimals, i.direction, i.level,
                List.copyOf(i.stages), i.aggregation, i.definition, i.source, Vocabulary.plain(i.minValue),
                Vocabulary.plain(i.maxValue), i.version, i.createdAt, i.updatedAt);
    }
}
