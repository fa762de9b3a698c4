package io.dengta.targets.progress;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dengta.commons.period.Period;
import io.dengta.targets.progress.ProgressInput.Kind;
import io.dengta.targets.progress.ProgressInput.Waypoint;
import io.dengta.targets.progress.ProgressResult.TrajectoryPoint;

/**
 * The progress rules of domain.md, as a pure function of a target, its actuals and a day.
 * <p>
 * Time is counted in months between the ends of periods (every period code starts on the first of a month and
 * ends at a month's end), so a value for 2023 on a 2020 → 2025 trajectory is 36 of 60 months along, exactly 0.6.
 * The status boundaries compare unrounded decimals (16 significant digits): the shares shown are rounded to 4
 * decimals, the decision is not made on them.
 * <p>
 * An actual counts on a day once its period has started (a school year's enrolment is known in September). Numeric
 * actuals for periods ending before the start of the trajectory are ignored.
 */
public final class ProgressCalculator {

    /** At-risk threshold: progress at least this share of the expected share. */
    public static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.8");
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final int SHARE_SCALE = 4;
    private static final int VALUE_SCALE = 6;

    private ProgressCalculator() {
    }

    public static ProgressResult compute(ProgressInput in, List<Actual> actuals, LocalDate asOf) {
        boolean deadlinePassed = asOf.isAfter(in.deadline().endDate());
        List<Actual> known = actuals.stream()
                .filter(a -> !a.period().startDate().isAfter(asOf))
                .filter(a -> in.kind() == Kind.MILESTONE ? a.done() != null : a.value() != null)
                .sorted(Comparator.comparing(Actual::period))
                .toList();
        return in.kind() == Kind.MILESTONE ? milestone(in, known, asOf, deadlinePassed)
                : numeric(in, known, asOf, deadlinePassed);
    }

    private static ProgressResult milestone(ProgressInput in, List<Actual> known, LocalDate asOf, boolean deadlinePassed) {
        Actual doneReport = known.stream().filter(Actual::done).findFirst().orElse(null);
        Actual latest = known.isEmpty() ? null : known.get(known.size() - 1);
        TargetStatus status;
        String reason;
        if (doneReport != null) {
            status = TargetStatus.ACHIEVED;
            boolean late = doneReport.period().startDate().isAfter(in.deadline().endDate());
            reason = "done in " + doneReport.period() + (late ? ", after the deadline " + in.deadline() : "");
            latest = doneReport;
        } else if (deadlinePassed) {
            status = TargetStatus.OVERDUE;
            reason = "not done by the deadline " + in.deadline();
        } else if (latest == null) {
            status = TargetStatus.NO_DATA;
            reason = "no progress report yet; the deadline is " + in.deadline();
        } else {
            status = TargetStatus.ON_TRACK;
            reason = "not done yet (reported " + latest.period() + "); the deadline " + in.deadline() + " has not passed";
        }
        return new ProgressResult(status, reason, null, null, null, null, latest, null, null, null, null,
                deadlinePassed, List.of(), Forecast.none(), freshness(latest, asOf));
    }

    private static ProgressResult numeric(ProgressInput in, List<Actual> known, LocalDate asOf, boolean deadlinePassed) {
        BigDecimal shift = in.kind() == Kind.CHANGE ? in.baseline() : BigDecimal.ZERO;
        BigDecimal value = add(in.value(), shift);
        BigDecimal low = add(in.low(), shift);
        BigDecimal high = add(in.high(), shift);

        // The start: the baseline, or else the earliest actual.
        Period p0 = in.baselinePeriod();
        BigDecimal b = in.baseline();
        if (p0 == null && !known.isEmpty()) {
            p0 = known.get(0).period();
            b = known.get(0).value();
        }
        List<Actual> counted = new ArrayList<>();
        for (Actual a : known) {
            if (p0 == null || position(a.period()) >= position(p0)) {
                counted.add(a);
            }
        }
        Actual latest = counted.isEmpty() ? null : counted.get(counted.size() - 1);

        if (b == null) {
            return new ProgressResult(TargetStatus.NO_DATA, "no baseline and no actual value yet", value, low, high, null,
                    null, null, null, null, null, deadlinePassed, List.of(), Forecast.none(), null);
        }
        BigDecimal t = aim(in.comparator(), value, low, high, b);
        List<Knot> knots = knots(in, p0, b, t, shift);
        TrajectoryPoint start = new TrajectoryPoint(p0.code(), strip(b));
        List<TrajectoryPoint> trajectory = knots.stream().map(k -> new TrajectoryPoint(k.period.code(), strip(k.value))).toList();
        BigDecimal expectedNow = round(expectedAt(knots, positionOf(asOf)), VALUE_SCALE);
        Forecast forecast = forecast(in, p0, in.baselinePeriod() != null ? b : null, counted, value, low, high);

        if (latest == null) {
            return new ProgressResult(TargetStatus.NO_DATA, "no actual value since " + p0 + (deadlinePassed
                    ? "; the deadline " + in.deadline() + " has passed" : ""), t, low, high, start, null, null, null,
                    null, expectedNow, deadlinePassed, trajectory, forecast, null);
        }

        BigDecimal v = latest.value();
        BigDecimal span = t.subtract(b);
        BigDecimal expected = expectedAt(knots, BigDecimal.valueOf(position(latest.period())));
        BigDecimal expectedShare = span.signum() == 0 ? null : round(expected.subtract(b).divide(span, MC), SHARE_SCALE);
        BigDecimal progressShare = span.signum() == 0 ? null : round(v.subtract(b).divide(span, MC), SHARE_SCALE);
        String at = plain(v) + " (" + latest.period() + ")";

        TargetStatus status;
        String reason;
        if (in.comparator().holds(v, value, low, high)) {
            status = TargetStatus.ACHIEVED;
            reason = at + " meets the target " + describe(in.comparator(), value, low, high);
        } else if (deadlinePassed) {
            status = TargetStatus.OVERDUE;
            reason = at + " does not meet the target " + describe(in.comparator(), value, low, high)
                    + " and the deadline " + in.deadline() + " has passed";
        } else if (span.signum() == 0) {
            status = TargetStatus.OFF_TRACK;
            reason = at + " does not meet the target " + describe(in.comparator(), value, low, high)
                    + ", which the start " + plain(b) + " (" + p0 + ") already met";
        } else {
            // progress >= k × expected share  ⇔  sign(t − b) × (v − b) >= sign(t − b) × k × (E − b), exactly
            int sign = span.signum();
            BigDecimal made = v.subtract(b).multiply(BigDecimal.valueOf(sign));
            BigDecimal due = expected.subtract(b).multiply(BigDecimal.valueOf(sign));
            if (made.compareTo(due) >= 0) {
                status = TargetStatus.ON_TRACK;
                reason = at + " is at or ahead of the trajectory's " + plain(round(expected, VALUE_SCALE))
                        + " (progress " + plain(progressShare) + " ≥ expected " + plain(expectedShare) + ")";
            } else if (made.compareTo(AT_RISK_SHARE.multiply(due)) >= 0) {
                status = TargetStatus.AT_RISK;
                reason = at + " is behind the trajectory's " + plain(round(expected, VALUE_SCALE)) + " (progress "
                        + plain(progressShare) + " < expected " + plain(expectedShare) + ", but at least 80% of it)";
            } else {
                status = TargetStatus.OFF_TRACK;
                reason = at + " is behind the trajectory's " + plain(round(expected, VALUE_SCALE)) + " (progress "
                        + plain(progressShare) + " < 80% of expected " + plain(expectedShare) + ")";
            }
        }
        return new ProgressResult(status, reason, t, low, high, start, latest, round(expected, VALUE_SCALE),
                expectedShare, progressShare, expectedNow, deadlinePassed, trajectory, forecast, freshness(latest, asOf));
    }

    /** The value the trajectory heads for: the target value, or for a band its edge nearest the start. */
    static BigDecimal aim(TargetComparator comparator, BigDecimal value, BigDecimal low, BigDecimal high, BigDecimal start) {
        if (comparator != TargetComparator.BETWEEN) {
            return value;
        }
        if (start.compareTo(low) < 0) {
            return low;
        }
        if (start.compareTo(high) > 0) {
            return high;
        }
        return start;
    }

    private record Knot(Period period, long position, BigDecimal value) {
    }

    private static List<Knot> knots(ProgressInput in, Period p0, BigDecimal b, BigDecimal t, BigDecimal shift) {
        List<Knot> knots = new ArrayList<>();
        long start = position(p0);
        long end = position(in.deadline());
        knots.add(new Knot(p0, start, b));
        in.milestones().stream()
                .filter(w -> position(w.period()) > start && position(w.period()) < end)
                .sorted(Comparator.comparing(Waypoint::period))
                .forEach(w -> knots.add(new Knot(w.period(), position(w.period()), w.value().add(shift))));
        if (end > start) {
            knots.add(new Knot(in.deadline(), end, t));
        }
        return knots;
    }

    /** The trajectory's value at a position (months), flat before the start and after the deadline. */
    private static BigDecimal expectedAt(List<Knot> knots, BigDecimal x) {
        Knot first = knots.get(0);
        if (x.compareTo(BigDecimal.valueOf(first.position)) <= 0 || knots.size() == 1) {
            return first.value;
        }
        for (int i = 1; i < knots.size(); i++) {
            Knot a = knots.get(i - 1);
            Knot c = knots.get(i);
            if (x.compareTo(BigDecimal.valueOf(c.position)) <= 0) {
                BigDecimal along = x.subtract(BigDecimal.valueOf(a.position));
                BigDecimal length = BigDecimal.valueOf(c.position - a.position);
                // Exact when x is a whole month: (c − a) × along is exact, and the division is the only rounding.
                return a.value.add(c.value.subtract(a.value).multiply(along).divide(length, MC));
            }
        }
        return knots.get(knots.size() - 1).value;
    }

    private static Forecast forecast(ProgressInput in, Period p0, BigDecimal baseline, List<Actual> counted,
            BigDecimal value, BigDecimal low, BigDecimal high) {
        Map<Long, BigDecimal> points = new LinkedHashMap<>();
        if (baseline != null) {
            points.put(position(p0), baseline);
        }
        for (Actual a : counted) {
            points.put(position(a.period()), a.value());
        }
        if (points.isEmpty()) {
            return Forecast.none();
        }
        if (points.size() == 1) {
            BigDecimal only = points.values().iterator().next();
            return new Forecast("last-value", 1, strip(only), null, in.comparator().holds(only, value, low, high));
        }
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (Map.Entry<Long, BigDecimal> e : points.entrySet()) {
            meanX += e.getKey();
            meanY += e.getValue().doubleValue();
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        for (Map.Entry<Long, BigDecimal> e : points.entrySet()) {
            double dx = e.getKey() - meanX;
            sxy += dx * (e.getValue().doubleValue() - meanY);
            sxx += dx * dx;
        }
        double slope = sxy / sxx;
        double atDeadline = meanY + slope * (position(in.deadline()) - meanX);
        BigDecimal forecastValue = strip(round(BigDecimal.valueOf(atDeadline), SHARE_SCALE));
        return new Forecast("linear-trend", n, forecastValue, strip(round(BigDecimal.valueOf(slope * 12), SHARE_SCALE)),
                in.comparator().holds(forecastValue, value, low, high));
    }

    static Freshness freshness(Actual latest, LocalDate asOf) {
        if (latest == null) {
            return null;
        }
        Period p = latest.period();
        Period complete = Period.containing(p.type(), asOf);
        if (!asOf.equals(complete.endDate())) {
            complete = complete.previous();
        }
        long behind = Math.max(0, p.stepsUntil(complete));
        String state = behind == 0 ? "current" : behind == 1 ? "due" : "outdated";
        Long age = latest.updatedAt() == null ? null
                : Math.max(0, ChronoUnit.DAYS.between(latest.updatedAt().toLocalDate(), asOf));
        return new Freshness(p.code(), complete.code(), behind, state, latest.updatedAt(), age);
    }

    /** Months from year 0 to the day after the period ends. */
    static long position(Period p) {
        LocalDate end = p.endDate().plusDays(1);
        return end.getYear() * 12L + end.getMonthValue() - 1;
    }

    /** The end of a day as a (fractional) month position. */
    private static BigDecimal positionOf(LocalDate day) {
        BigDecimal dayShare = BigDecimal.valueOf(day.getDayOfMonth()).divide(BigDecimal.valueOf(day.lengthOfMonth()), MC);
        return BigDecimal.valueOf(day.getYear() * 12L + day.getMonthValue() - 1).add(dayShare);
    }

    private static String describe(TargetComparator c, BigDecimal value, BigDecimal low, BigDecimal high) {
        return c == TargetComparator.BETWEEN ? "between " + plain(low) + " and " + plain(high) : c.code() + " " + plain(value);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        return a == null ? null : a.add(b);
    }

    private static BigDecimal round(BigDecimal n, int scale) {
        return n == null ? null : strip(n.setScale(scale, RoundingMode.HALF_UP));
    }

    private static BigDecimal strip(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String plain(BigDecimal n) {
        return n == null ? "-" : strip(n).toPlainString();
    }
}
