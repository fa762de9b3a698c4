package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.util.List;

import io.dengta.commons.period.Period;

/**
 * What the calculator needs to know of a target.
 * <ul>
 * <li>{@code INDICATOR} and {@code COUNT}: {@code value} (or {@code low}–{@code high} for {@code between}) is the
 * level to reach by {@code deadline}; a count is a running total (e.g. seats added since the baseline period).</li>
 * <li>{@code CHANGE}: {@code value}/{@code low}/{@code high} are changes relative to {@code baseline} ("myopia down
 * 0.5 points" is {@code <=} −0.5); a baseline is required.</li>
 * <li>{@code MILESTONE}: done or not by the deadline; values are ignored.</li>
 * </ul>
 *
 * @param baseline starting value at {@code baselinePeriod}; when absent the earliest actual is the starting point
 * @param milestones optional intermediate values on the way (yearly milestones); the trajectory passes through them
 */
public record ProgressInput(Kind kind, TargetComparator comparator, BigDecimal value, BigDecimal low, BigDecimal high,
        BigDecimal baseline, Period baselinePeriod, Period deadline, List<Waypoint> milestones) {

    public enum Kind {
        INDICATOR, CHANGE, COUNT, MILESTONE
    }

    /** An intermediate value the trajectory must pass at the end of {@code period}. */
    public record Waypoint(Period period, BigDecimal value) {
    }

    public ProgressInput {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        if (kind == null || deadline == null) {
            throw new IllegalArgumentException("a target needs a kind and a deadline");
        }
        if (kind != Kind.MILESTONE) {
            if (comparator == null) {
                throw new IllegalArgumentException("a numeric target needs a comparator");
            }
            if (comparator == TargetComparator.BETWEEN ? low == null || high == null || low.compareTo(high) > 0 : value == null) {
                throw new IllegalArgumentException("a numeric target needs a value, or low <= high for between");
            }
            if (kind == Kind.CHANGE && (baseline == null || baselinePeriod == null)) {
                throw new IllegalArgumentException("a change target needs a baseline");
            }
            if ((baseline == null) != (baselinePeriod == null)) {
                throw new IllegalArgumentException("a baseline needs both value and period");
            }
        }
    }

    public static ProgressInput indicator(TargetComparator comparator, BigDecimal value, BigDecimal baseline,
            Period baselinePeriod, Period deadline) {
        return new ProgressInput(Kind.INDICATOR, comparator, value, null, null, baseline, baselinePeriod, deadline, List.of());
    }

    public static ProgressInput band(BigDecimal low, BigDecimal high, BigDecimal baseline, Period baselinePeriod, Period deadline) {
        return new ProgressInput(Kind.INDICATOR, TargetComparator.BETWEEN, null, low, high, baseline, baselinePeriod, deadline, List.of());
    }

    public static ProgressInput milestone(Period deadline) {
        return new ProgressInput(Kind.MILESTONE, null, null, null, null, null, null, deadline, List.of());
    }

    public ProgressInput withMilestones(List<Waypoint> waypoints) {
        return new ProgressInput(kind, comparator, value, low, high, baseline, baselinePeriod, deadline, waypoints);
    }

    public ProgressInput withKind(Kind newKind) {
        return new ProgressInput(newKind, comparator, value, low, high, baseline, baselinePeriod, deadline, milestones);
    }
}
