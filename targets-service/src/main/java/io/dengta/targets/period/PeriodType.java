package io.dengta.targets.period;

/** The kinds of period codes of domain.md, with how many of them make up one year. */
public enum PeriodType {
    /** {@code 2024}: January – December. */
    YEAR("year", 1),
    /** {@code 2024S1} January – June, {@code 2024S2} July – December. */
    HALF_YEAR("half-year", 2),
    /** {@code 2024Q1} … {@code 2024Q4}: three calendar months each. */
    QUARTER("quarter", 4),
    /** {@code 202401} … {@code 202412}. */
    MONTH("month", 12),
    /** {@code 2024Sep}: 1 September 2024 – 31 August 2025. */
    SCHOOL_YEAR("school-year", 1),
    /** {@code 2024SepT1}: 1 September – 31 January; {@code 2024SepT2}: 1 February – 31 August. */
    TERM("term", 2);

    private final String code;
    private final int perYear;

    PeriodType(String code, int perYear) {
        this.code = code;
        this.perYear = perYear;
    }

    /** The name the API uses, e.g. {@code school-year}. */
    public String code() {
        return code;
    }

    /** How many consecutive periods of this type make one (calendar or school) year. */
    public int perYear() {
        return perYear;
    }

    public static PeriodType fromCode(String code) {
        for (PeriodType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown period type " + code);
    }
}
