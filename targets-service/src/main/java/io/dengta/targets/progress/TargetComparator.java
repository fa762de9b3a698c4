package io.dengta.targets.progress;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a target's value is met: at least, at most, exactly, or inside a band (both ends included). */
public enum TargetComparator {
    AT_LEAST(">="),
    AT_MOST("<="),
    EQUAL("="),
    BETWEEN("between");

    private final String code;

    TargetComparator(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static TargetComparator fromCode(String code) {
        for (TargetComparator c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparator " + code);
    }

    /** Whether {@code actual} meets {@code value} (or the band {@code low}–{@code high} for {@link #BETWEEN}). */
    public boolean holds(BigDecimal actual, BigDecimal value, BigDecimal low, BigDecimal high) {
        return switch (this) {
            case AT_LEAST -> actual.compareTo(value) >= 0;
            case AT_MOST -> actual.compareTo(value) <= 0;
            case EQUAL -> actual.compareTo(value) == 0;
            case BETWEEN -> actual.compareTo(low) >= 0 && actual.compareTo(high) <= 0;
        };
    }
}
