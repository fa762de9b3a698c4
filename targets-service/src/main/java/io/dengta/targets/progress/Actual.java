package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import io.dengta.commons.period.Period;

/**
 * One actual value of a target for a period: a number (indicator, change and count targets) or a done flag
 * (milestones), with when its source last changed it and which source it came from.
 *
 * @param source {@code indicators}, {@code schools} or {@code progress-report}
 */
public record Actual(Period period, BigDecimal value, Boolean done, OffsetDateTime updatedAt, String source) {

    public static Actual of(Period period, BigDecimal value, OffsetDateTime updatedAt, String source) {
        return new Actual(period, value, null, updatedAt, source);
    }

    public static Actual done(Period period, boolean done, OffsetDateTime updatedAt, String source) {
        return new Actual(period, null, done, updatedAt, source);
    }
}
