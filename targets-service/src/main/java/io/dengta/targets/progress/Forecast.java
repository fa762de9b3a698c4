package io.dengta.targets.progress;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a target will land at its deadline if the trend goes on.
 *
 * @param method {@code none} (no point), {@code last-value} (one point: the value stays), {@code linear-trend}
 *        (least squares over the points)
 * @param points how many points (baseline and actuals) the forecast is based on
 * @param value the forecast value at the deadline; null with no point
 * @param slopePerYear change per year of the fitted line; null unless {@code linear-trend}
 * @param meetsTarget whether the forecast value meets the comparator; null with no point
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Forecast(String method, int points, BigDecimal value, BigDecimal slopePerYear, Boolean meetsTarget) {

    static Forecast none() {
        return new Forecast("none", 0, null, null, null);
    }
}
