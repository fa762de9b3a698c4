package io.dengta.indicators.observation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.dengta.commons.period.InvalidPeriodException;
import io.dengta.commons.period.Period;
import io.dengta.commons.problem.FieldError;

/**
 * What makes an observation valid, for a PUT and for each import row alike; every problem is reported at
 * once.
 * <ul>
 * <li>the indicator exists in the catalog; the unit is a 6-digit region or a 10-digit school code, of a
 * kind the indicator's level allows;</li>
 * <li>a school names its region ({@code region}); a region's {@code region} is absent or itself;</li>
 * <li>the period is a valid code ({@link Period});</li>
 * <li>stage: an indicator reported per stage needs one of its stages (one with a single stage takes it
 * by default); any other indicator may be broken down by any stage, or have none;</li>
 * <li>the value is within the indicator's range (0–100 for {@code %} and {@code score}, ≥ 0 otherwise),
 * with at most 14 digits before and 6 after the decimal point (numerator and denominator too);</li>
 * <li>numerator and denominator come together, numerator ≥ 0, denominator &gt; 0, and then value equals
 * numerator ÷ denominator (× 100 for {@code %} and {@code per100}) rounded to the decimals the value is
 * given with: 1/3 as {@code %} may be 33, 33.3 or 33.33, not 33.4;</li>
 * <li>status is {@code draft}, {@code submitted} (default) or {@code approved}; source ≤ 200 and comment
 * ≤ 1000 characters.</li>
 * </ul>
 * Scope is not a rule of the data: the service checks it.
 */
final class ObservationRules {

    static final List<String> STAGES = List.of("kindergarten", "primary", "junior", "senior", "vocational", "special");
    static final List<String> STATUSES = List.of("draft", "submitted", "approved");
    static final String DEFAULT_STATUS = "submitted";
    static final int MAX_INTEGER_DIGITS = 14;
    static final int MAX_DECIMALS = 6;
    static final int MAX_SOURCE = 200;
    static final int MAX_COMMENT = 1000;
    private static final Pattern REGION = Pattern.compile("\\d{6}");
    private static final Pattern UNIT = Pattern.compile("\\d{6}|\\d{10}");

    private ObservationRules() {
    }

    /** The outcome: field errors, or the observation as it is to be stored. */
    /**
     * @param key the natural key when its parts are valid (also when other fields are not), else null
     * @param observation the observation to store when there are no errors, else null
     */
    record Checked(List<FieldError> errors, ObservationKey key, ValidObservation observation, IndicatorRef indicator) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * @param keyInPath true for a PUT (indicator, unit and period are path parameters and stage a query
     *        parameter: their pointers are the parameter names), false for an import row (all are JSON
     *        pointers into the row)
     */
    static Checked check(ObservationDraft d, Function<String, Optional<IndicatorRef>> catalog, boolean keyInPath) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = keyInPath ? "" : "/";

        IndicatorRef indicator = null;
        if (blank(d.indicator())) {
            errors.add(new FieldError(prefix + "indicator", "required", "the indicator code is required"));
        } else {
            indicator = catalog.apply(d.indicator()).orElse(null);
            if (indicator == null) {
                errors.add(new FieldError(prefix + "indicator", "unknown_indicator",
                        "'" + d.indicator() + "' is not an indicator of the catalog"));
            }
        }

        String unit = d.unit();
        boolean unitValid = false;
        if (blank(unit)) {
            errors.add(new FieldError(prefix + "unit", "required", "the unit (region or school code) is required"));
        } else if (!UNIT.matcher(unit).matches()) {
            errors.add(new FieldError(prefix + "unit", "invalid_unit",
                    "'" + unit + "' is neither a 6-digit region code nor a 10-digit school code"));
        } else {
            unitValid = true;
        }
        boolean school = unitValid && unit.length() == 10;
        if (unitValid && indicator != null) {
            if (school && !indicator.allowsSchools()) {
                errors.add(new FieldError(prefix + "unit", "level_mismatch",
                        "indicator " + indicator.code() + " is reported for regions only, not for school " + unit));
            } else if (!school && !indicator.allowsRegions()) {
                errors.add(new FieldError(prefix + "unit", "level_mismatch",
                        "indicator " + indicator.code() + " is reported for schools only, not for region " + unit));
            }
        }

        String region = d.region();
        if (blank(region)) {
            region = null;
            if (school) {
                errors.add(new FieldError("/region", "required", "a school's observation names the school's region"));
            }
        } else if (!REGION.matcher(region).matches()) {
            errors.add(new FieldError("/region", "invalid_region", "'" + region + "' is not a 6-digit region code"));
        } else if (unitValid && !school && !region.equals(unit)) {
            errors.add(new FieldError("/region", "mismatch",
                    "a region's observation has no other region: leave region out or give " + unit));
        }
        if (unitValid && !school) {
            region = unit;
        }

        Period period = null;
        try {
            period = Period.parse(d.period());
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError(prefix + "period", "invalid_period", e.getMessage()));
        }

        int errorsBeforeStage = errors.size();
        String stage = stage(indicator, d.stage(), keyInPath ? "stage" : "/stage", errors).orElse(null);
        boolean stageValid = errors.size() == errorsBeforeStage;

        checkNumbers(d, indicator, errors);

        String status = blank(d.status()) ? DEFAULT_STATUS : d.status();
        if (!STATUSES.contains(status)) {
            errors.add(new FieldError("/status", "unknown_value", "'" + status + "' is not one of " + String.join(", ", STATUSES)));
        }
        String source = blank(d.source()) ? null : d.source().strip();
        if (source != null && source.length() > MAX_SOURCE) {
            errors.add(new FieldError("/source", "too_long", "at most " + MAX_SOURCE + " characters"));
        }
        String comment = blank(d.comment()) ? null : d.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("/comment", "too_long", "at most " + MAX_COMMENT + " characters"));
        }

        ObservationKey key = indicator != null && unitValid && period != null && stageValid
                ? new ObservationKey(indicator.code(), unit, period, stage)
                : null;
        if (!errors.isEmpty()) {
            return new Checked(List.copyOf(errors), key, null, indicator);
        }
        return new Checked(List.of(), key, new ValidObservation(key, region, d.value(), d.numerator(), d.denominator(),
                status, source, comment), indicator);
    }

    /**
     * The stage of an observation of {@code indicator} (unknown: null), adding to {@code errors} what is
     * wrong with {@code given}: an indicator reported per stage needs one of its stages (a single one is
     * the default); others take any stage or none.
     */
    static Optional<String> stage(IndicatorRef indicator, String given, String pointer, List<FieldError> errors) {
        String stage = blank(given) ? null : given;
        if (stage != null && !STAGES.contains(stage)) {
            errors.add(new FieldError(pointer, "unknown_value", "'" + stage + "' is not one of " + String.join(", ", STAGES)));
            return Optional.empty();
        }
        if (indicator == null || !indicator.perStage()) {
            return Optional.ofNullable(stage);
        }
        if (stage == null && indicator.stages().size() == 1) {
            return Optional.of(indicator.stages().get(0));
        }
        if (stage == null) {
            errors.add(new FieldError(pointer, "required", "indicator " + indicator.code()
                    + " is reported per stage: give one of " + String.join(", ", indicator.stages())));
        } else if (!indicator.stages().contains(stage)) {
            errors.add(new FieldError(pointer, "stage_not_applicable", "indicator " + indicator.code()
                    + " applies to " + String.join(", ", indicator.stages()) + ", not " + stage));
        }
        return Optional.ofNullable(stage);
    }

    private static void checkNumbers(ObservationDraft d, IndicatorRef indicator, List<FieldError> errors) {
        BigDecimal value = d.value();
        boolean valueUsable = false;
        if (value == null) {
            errors.add(new FieldError("/value", "required", "the value is required"));
        } else if (precise("/value", value, errors)) {
            valueUsable = true;
            if (indicator != null && indicator.minValue() != null && value.compareTo(indicator.minValue()) < 0
                    || indicator != null && indicator.maxValue() != null && value.compareTo(indicator.maxValue()) > 0) {
                errors.add(new FieldError("/value", "out_of_range", plain(value) + " is outside the range of "
                        + indicator.code() + " (" + range(indicator) + ")"));
                valueUsable = false;
            }
        }
        BigDecimal numerator = d.numerator();
        BigDecimal denominator = d.denominator();
        if (numerator == null && denominator == null) {
            return;
        }
        if (numerator == null || denominator == null) {
            errors.add(new FieldError(numerator == null ? "/numerator" : "/denominator", "required",
                    "numerator and denominator go together"));
            return;
        }
        boolean ratioUsable = precise("/numerator", numerator, errors) & precise("/denominator", denominator, errors);
        if (numerator.signum() < 0) {
            errors.add(new FieldError("/numerator", "out_of_range", "must be 0 or more"));
            ratioUsable = false;
        }
        if (denominator.signum() <= 0) {
            errors.add(new FieldError("/denominator", "must_be_positive", "must be greater than 0"));
            ratioUsable = false;
        }
        if (ratioUsable && valueUsable && indicator != null) {
            BigDecimal expected = numerator.multiply(indicator.ratioFactor()).divide(denominator, MathContext.DECIMAL128);
            if (!roundsTo(expected, value)) {
                errors.add(new FieldError("/value", "inconsistent_ratio", "value " + plain(value) + " is not numerator "
                        + plain(numerator) + " ÷ denominator " + plain(denominator)
                        + (indicator.ratioFactor().compareTo(BigDecimal.ONE) == 0 ? "" : " × 100") + " = "
                        + plain(expected.round(new MathContext(10))) + " rounded to the value's decimals"));
            }
        }
    }

    /**
     * Whether {@code value} is {@code exact} rounded to the decimals {@code value} is written with
     * (trailing zeros do not count): the difference is at most half a unit of its last decimal.
     */
    static boolean roundsTo(BigDecimal exact, BigDecimal value) {
        int decimals = Math.max(0, value.stripTrailingZeros().scale());
        BigDecimal halfUnit = BigDecimal.valueOf(5, decimals + 1);
        return value.subtract(exact).abs().compareTo(halfUnit) <= 0;
    }

    private static boolean precise(String pointer, BigDecimal number, List<FieldError> errors) {
        BigDecimal stripped = number.stripTrailingZeros();
        int decimals = Math.max(0, stripped.scale());
        int integerDigits = stripped.precision() - stripped.scale();
        if (decimals > MAX_DECIMALS || integerDigits > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError(pointer, "too_precise", "at most " + MAX_INTEGER_DIGITS + " digits before and "
                    + MAX_DECIMALS + " after the decimal point"));
            return false;
        }
        return true;
    }

    private static String range(IndicatorRef indicator) {
        String unit = indicator.unit();
        if (indicator.maxValue() == null) {
            return unit + ": " + plain(indicator.minValue()) + " or more";
        }
        return unit + ": " + plain(indicator.minValue()) + " to " + plain(indicator.maxValue());
    }

    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
