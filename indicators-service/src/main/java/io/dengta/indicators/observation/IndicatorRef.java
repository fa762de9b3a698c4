package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What observations need to know about an indicator of the catalog: its unit of measure (to check the
 * value's range and its numerator ÷ denominator), its level ({@code region}, {@code school} or
 * {@code both}) and the stages it is reported per (empty: not per stage).
 *
 * @param minValue the smallest valid value, or null for none
 * @param maxValue the largest valid value, or null for none
 */
public record IndicatorRef(String code, String unit, String level, List<String> stages, BigDecimal minValue,
        BigDecimal maxValue) {

    public static final List<String> LEVELS = List.of("region", "school", "both");

    public IndicatorRef {
        stages = List.copyOf(stages);
    }

    /** The valid range of a unit of measure: 0–100 for {@code %} and {@code score}, at least 0 for the others. */
    public static IndicatorRef of(String code, String unit, String level, List<String> stages) {
        boolean bounded = unit.equals("%") || unit.equals("score");
        return new IndicatorRef(code, unit, level, stages, BigDecimal.ZERO, bounded ? BigDecimal.valueOf(100) : null);
    }

    /** What numerator ÷ denominator is multiplied by to give the value: 100 for {@code %} and {@code per100}. */
    public BigDecimal ratioFactor() {
        return unit.equals("%") || unit.equals("per100") ? BigDecimal.valueOf(100) : BigDecimal.ONE;
    }

    public boolean perStage() {
        return !stages.isEmpty();
    }

    public boolean allowsRegions() {
        return !level.equals("school");
    }

    public boolean allowsSchools() {
        return !level.equals("region");
    }
}
