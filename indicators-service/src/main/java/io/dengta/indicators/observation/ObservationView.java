package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An observation as the API shows it. */
@Schema(name = "Observation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObservationView(
        String indicator,
        @Schema(description = "Region (6 digits) or school (10 digits) code") String unit,
        @Schema(enumeration = { "region", "school" }) String unitType,
        String region,
        String period,
        @Schema(enumeration = { "year", "half-year", "quarter", "month", "school-year", "term" }) String periodType,
        @Schema(description = "Absent when the observation is not for one stage") String stage,
        BigDecimal value,
        BigDecimal numerator,
        BigDecimal denominator,
        @Schema(enumeration = { "draft", "submitted", "approved" }) String status,
        String source,
        String comment,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static ObservationView of(StoredObservation o) {
        ObservationKey k = o.key();
        return new ObservationView(k.indicator(), k.unit(), k.unitType(), o.region(), k.period().code(),
                k.period().type().code(), k.stage(), number(o.value()), number(o.numerator()), number(o.denominator()),
                o.status(), o.source(), o.comment(), o.version(), o.createdAt(), o.updatedAt());
    }

    static ObservationView of(Observation o) {
        return new ObservationView(o.indicatorCode, o.unitCode, o.unitType, o.regionCode, o.periodCode, o.periodType,
                ObservationKey.stageOf(o.stage), number(o.value), number(o.numerator), number(o.denominator), o.status,
                o.source, o.comment, o.version, o.createdAt, o.updatedAt);
    }

    /** Numbers as written, without the column's trailing zeros: 2.350000 → 2.35, 100.000000 → 100. */
    static BigDecimal number(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
