package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.util.Objects;

/** An observation that passed the rules, normalized as it is stored (status defaulted, blank texts null). */
record ValidObservation(ObservationKey key, String region, BigDecimal value, BigDecimal numerator,
        BigDecimal denominator, String status, String source, String comment) {

    /** True when storing this would change nothing (numbers compare by value: 33.3 = 33.300000). */
    boolean sameContentAs(StoredObservation stored) {
        return region.equals(stored.region()) && sameNumber(value, stored.value())
                && sameNumber(numerator, stored.numerator()) && sameNumber(denominator, stored.denominator())
                && status.equals(stored.status()) && Objects.equals(source, stored.source())
                && Objects.equals(comment, stored.comment());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
