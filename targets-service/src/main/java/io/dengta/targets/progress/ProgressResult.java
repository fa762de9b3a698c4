package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the calculator says about one target on one day.
 *
 * @param reason the rule that decided the status, in words, e.g. "62.5 (2023) reaches 78% of the share expected by
 *        then (0.6), at least 80% of it"
 * @param targetValue the absolute value to reach (a change target's value added to its baseline); for a band the
 *        edge the trajectory aims at
 * @param start the trajectory's starting point (baseline, or the earliest actual when no baseline is given)
 * @param latest the latest actual counted; null with no data
 * @param expected the trajectory's value at the latest actual's period
 * @param expectedShare expected progress share at the latest actual's period, 0–1
 * @param progressShare (latest − start) ÷ (target − start); above 1 past the target, negative when moving away
 * @param expectedNow the trajectory's value on the computation day
 * @param trajectory the points the planned line goes through: start, yearly milestones, deadline
 */
public record ProgressResult(TargetStatus status, String reason, BigDecimal targetValue, BigDecimal targetLow,
        BigDecimal targetHigh, TrajectoryPoint start, Actual latest, BigDecimal expected, BigDecimal expectedShare,
        BigDecimal progressShare, BigDecimal expectedNow, boolean deadlinePassed, List<TrajectoryPoint> trajectory,
        Forecast forecast, Freshness freshness) {

    /** A point of the planned line: the value to have at the end of {@code period}. */
    public record TrajectoryPoint(String period, BigDecimal value) {
    }
}
