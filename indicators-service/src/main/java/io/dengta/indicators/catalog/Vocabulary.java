package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The catalog's closed lists (domain.md, indicators-service) and what follows from an indicator's unit. */
public final class Vocabulary {

    public static final List<String> UNITS = List.of("%", "ratio", "count", "CNY", "m2", "score", "per100");
    public static final List<String> DIRECTIONS = List.of("higher-better", "lower-better", "band");
    public static final List<String> LEVELS = List.of("region", "school", "both");
    /** {@code none}: region values are reported as such, not added up from schools. */
    public static final List<String> AGGREGATIONS = List.of("sum", "pupil-weighted-mean", "ratio-of-sums", "none");
    /** 学段, in the order of schooling; an indicator or standard without stages applies to every stage. */
    public static final List<String> STAGES = List.of("kindergarten", "primary", "junior", "senior", "vocational",
            "special");
    public static final List<String> COMPARATORS = List.of(">=", "<=", "=", "between");
    /** How a standard's value was confirmed: read in the published document, from secondary sources, or not yet. */
    public static final List<String> VERIFIED = List.of("official", "secondary-sources", "unverified");

    /** Units of rates, shares and scores: values in them never add up (CNY and m2 may be totals or per pupil). */
    static final List<String> NON_ADDITIVE_UNITS = List.of("%", "ratio", "per100", "score");

    /** Region codes: {@code 000000} (national) or a GB/T 2260 code of a province, city or district. */
    public static final String JURISDICTION_PATTERN = "000000|[1-8]\\d{5}";
    public static final String NATIONAL = "000000";

    /** Lower-case dotted: 2 to 4 segments of letters, digits and single underscores, e.g. qb.key_teachers_per100. */
    public static final String INDICATOR_CODE_PATTERN =
            "(?=.{3,64}$)[a-z][a-z0-9]*(_[a-z0-9]+)*(\\.[a-z][a-z0-9]*(_[a-z0-9]+)*){1,3}";

    private Vocabulary() {
    }

    /** Decimals shown when an indicator does not say: whole counts and money, one decimal for percentages. */
    public static int defaultDecimals(String unit) {
        return switch (unit) {
            case "count", "CNY" -> 0;
            case "%", "score" -> 1;
            default -> 2;
        };
    }

    /** Every unit of the catalog is non-negative. */
    public static BigDecimal defaultMin(String unit) {
        return BigDecimal.ZERO;
    }

    /** Percentages and scores end at 100; other units are unbounded above. */
    public static BigDecimal defaultMax(String unit) {
        return unit.equals("%") || unit.equals("score") ? BigDecimal.valueOf(100) : null;
    }

    /** A number without trailing zeros and never in exponent notation: 2.50 → 2.5, 100 → 100. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** Stages in the order of schooling (so equal sets compare equal). */
    public static List<String> canonicalStages(List<String> stages) {
        return stages == null ? List.of() : STAGES.stream().filter(stages::contains).toList();
    }
}
