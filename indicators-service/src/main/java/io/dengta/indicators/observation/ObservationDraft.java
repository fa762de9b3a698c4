package io.dengta.indicators.observation;

import java.math.BigDecimal;

/** An observation as a client sent it (a PUT's path and body, or an import row), before the rules checked it. */
record ObservationDraft(String indicator, String unit, String region, String period, String stage, BigDecimal value,
        BigDecimal numerator, BigDecimal denominator, String status, String source, String comment) {

    static ObservationDraft of(ObservationRow row) {
        return new ObservationDraft(row.indicator(), row.unit(), row.region(), row.period(), row.stage(), row.value(),
                row.numerator(), row.denominator(), row.status(), row.source(), row.comment());
    }

    static ObservationDraft of(String indicator, String unit, String period, String stage, ObservationInput in) {
        return new ObservationDraft(indicator, unit, in.region(), period, stage, in.value(), in.numerator(),
                in.denominator(), in.status(), in.source(), in.comment());
    }
}
