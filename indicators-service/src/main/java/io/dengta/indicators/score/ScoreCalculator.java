package io.dengta.indicators.score;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The platform's scoring rules (domain.md, Scoring), as plain arithmetic on one indicator and on a set of them.
 * <ul>
 * <li>{@code ratio}: achievement = min(actual ÷ target, 1) for higher-better, min(target ÷ actual, 1) for
 * lower-better. Lower-better with actual 0 achieves 1 (nothing is better than 0; no division by zero); higher-better
 * with a target of 0 or less achieves 1; lower-better with a target of 0 achieves 0 unless the actual is 0 too.
 * A between standard as ratio target: its low end for higher-better, its high end for lower-better.</li>
 * <li>{@code threshold}: achievement 1 when the comparator holds (a framework target reads as {@code >=} for
 * higher-better and {@code <=} for lower-better), else 0.</li>
 * <li>{@code band}: 1 inside [low, high]; outside, 1 − distance ÷ zeroDistance, and 0 from zeroDistance on.</li>
 * </ul>
 * Points earned = weight × achievement; points lost = weight − earned. A framework's score is Σ points over the
 * indicators that could be scored ÷ Σ their weights × 100; the others are reported with their weight, never counted
 * as 0 and never hidden.
 */
public final class ScoreCalculator {

    static final MathContext MC = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreCalculator() {
    }

    /** Why an indicator was (not) scored. */
    public enum Status {
        SCORED("scored"),
        /** The region has no (visible) value for the period. */
        NO_VALUE("no-value"),
        /** Neither the framework nor an applicable standard gives what the rule compares with. */
        NO_TARGET("no-target"),
        /** The indicator is reported per stage and the request names none of its stages. */
        STAGE_REQUIRED("stage-required");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * What a value is compared with: {@code >=}, {@code <=}, {@code =} or {@code between} (with {@code high}).
     *
     * @param source {@code framework} (the leaf's own target) or {@code standard}
     */
    public record Target(String comparator, BigDecimal value, BigDecimal high, String source) {
    }

    public record Band(BigDecimal low, BigDecimal high, BigDecimal zeroDistance) {
    }

    /** The outcome for one indicator; achievement and points are null unless scored. */
    public record Outcome(Status status, BigDecimal achievement, BigDecimal pointsEarned, BigDecimal pointsLost,
            String message) {

        public boolean scored() {
            return status == Status.SCORED;
        }

        static Outcome notScored(Status status, String message) {
            return new Outcome(status, null, null, null, message);
        }
    }

    /** A set of outcomes added up. {@code score} is null when no weight is covered. */
    public record Total(BigDecimal score, BigDecimal coveredWeight, BigDecimal missingWeight, BigDecimal pointsEarned,
            BigDecimal pointsLost) {

        public boolean complete() {
            return missingWeight.signum() == 0;
        }
    }

    public record Weighted(BigDecimal weight, Outcome outcome) {
    }

    /** The target of a leaf from the framework: the comparator follows the indicator's direction. */
    public static Target frameworkTarget(BigDecimal target, String direction) {
        return target == null ? null
                : new Target("lower-better".equals(direction) ? "<=" : ">=", target, null, "framework");
    }

    /**
     * @param direction the indicator's: higher-better, lower-better or band
     * @param value the region's value (null: none)
     * @param target what ratio and threshold compare with (null: none)
     * @param band what band scoring uses
     */
    public static Outcome score(String scoring, String direction, BigDecimal weight, BigDecimal value, Target target,
            Band band) {
        if (value == null) {
            return Outcome.notScored(Status.NO_VALUE, "no value for the period");
        }
        BigDecimal achievement;
        switch (scoring) {
            case "band" -> {
                if (band == null) {
                    return Outcome.notScored(Status.NO_TARGET, "band scoring without a band");
                }
                achievement = band(value, band);
            }
            case "threshold" -> {
                if (target == null) {
                    return Outcome.notScored(Status.NO_TARGET, "no target and no standard applies");
                }
                achievement = holds(target, value) ? BigDecimal.ONE : BigDecimal.ZERO;
            }
            default -> {
                if (target == null) {
                    return Outcome.notScored(Status.NO_TARGET, "no target and no standard applies");
                }
                if (!"higher-better".equals(direction) && !"lower-better".equals(direction)) {
                    return Outcome.notScored(Status.NO_TARGET, "ratio scoring needs a higher- or lower-better indicator");
                }
                achievement = ratio(direction, value, ratioTarget(target, direction));
            }
        }
        BigDecimal earned = weight.multiply(achievement, MC);
        return new Outcome(Status.SCORED, achievement, earned, weight.subtract(earned, MC), null);
    }

    static BigDecimal ratioTarget(Target target, String direction) {
        return "between".equals(target.comparator()) && "lower-better".equals(direction) ? target.high()
                : target.value();
    }

    static BigDecimal ratio(String direction, BigDecimal actual, BigDecimal target) {
        BigDecimal achievement;
        if ("lower-better".equals(direction)) {
            if (actual.signum() <= 0) {
                return BigDecimal.ONE;
            }
            achievement = target.signum() <= 0 ? BigDecimal.ZERO : target.divide(actual, MC);
        } else {
            if (target.signum() <= 0) {
                return BigDecimal.ONE;
            }
            achievement = actual.divide(target, MC);
        }
        return clamp(achievement);
    }

    static boolean holds(Target target, BigDecimal value) {
        return switch (target.comparator()) {
            case ">=" -> value.compareTo(target.value()) >= 0;
            case "<=" -> value.compareTo(target.value()) <= 0;
            case "=" -> value.compareTo(target.value()) == 0;
            case "between" -> value.compareTo(target.value()) >= 0 && value.compareTo(target.high()) <= 0;
            default -> throw new IllegalArgumentException("unknown comparator " + target.comparator());
        };
    }

    static BigDecimal band(BigDecimal value, Band band) {
        BigDecimal distance = distanceOutside(value, band.low(), band.high());
        if (distance.signum() == 0) {
            return BigDecimal.ONE;
        }
        return clamp(BigDecimal.ONE.subtract(distance.divide(band.zeroDistance(), MC), MC));
    }

    /** 0 inside [low, high], else how far outside. */
    public static BigDecimal distanceOutside(BigDecimal value, BigDecimal low, BigDecimal high) {
        if (value.compareTo(low) < 0) {
            return low.subtract(value);
        }
        if (value.compareTo(high) > 0) {
            return value.subtract(high);
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal clamp(BigDecimal achievement) {
        if (achievement.compareTo(BigDecimal.ONE) > 0) {
            return BigDecimal.ONE;
        }
        return achievement.signum() < 0 ? BigDecimal.ZERO : achievement;
    }

    /** Σ points over the scored outcomes ÷ Σ their weights × 100; the other weights are missing. */
    public static Total total(List<Weighted> items) {
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal missing = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        for (Weighted item : items) {
            if (item.outcome().scored()) {
                covered = covered.add(item.weight());
                earned = earned.add(item.outcome().pointsEarned(), MC);
            } else {
                missing = missing.add(item.weight());
            }
        }
        BigDecimal score = covered.signum() == 0 ? null : earned.multiply(HUNDRED, MC).divide(covered, MC);
        return new Total(score, covered, missing, earned, covered.subtract(earned, MC));
    }

    /** How numbers leave the calculator: achievements and points to 4 decimals, scores to 2. */
    public static BigDecimal rounded(BigDecimal value, int decimals) {
        if (value == null) {
            return null;
        }
        BigDecimal r = value.setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
