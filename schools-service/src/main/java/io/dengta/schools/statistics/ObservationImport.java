package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The body of {@code POST /indicators/v1/imports} (indicators-service's import API, JSON form): observations of
 * catalog indicators for regions and schools.
 */
public record ObservationImport(List<Row> rows) {

    /**
     * One observation.
     *
     * @param indicator catalog code, e.g. {@code ce.pupil_teacher_ratio}
     * @param unit the organisational unit: a 6-digit region code or a 10-digit school code
     * @param region for a school, the region it belongs to (indicators-service checks scope with it); null for a region
     * @param period the period code, here the school year ({@code 2024Sep})
     * @param stage the stage, or null for a value over all stages
     * @param value the value in the indicator's unit
     * @param numerator what the value is computed from (for ratio-of-sums aggregation); null for counts
     * @param denominator null for counts
     * @param source always {@code schools-service}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "indicator", "unit", "region", "period", "stage", "value", "numerator", "denominator", "source" })
    public record Row(String indicator, String unit, String region, String period, String stage, BigDecimal value,
            BigDecimal numerator, BigDecimal denominator, String source) {
    }
}
