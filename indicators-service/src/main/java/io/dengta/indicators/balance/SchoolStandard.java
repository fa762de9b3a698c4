package io.dengta.indicators.balance;

import java.math.BigDecimal;

/** The standard a school's value of one resource indicator must meet (from the standards catalog). */
public record SchoolStandard(String comparator, BigDecimal value, BigDecimal valueHigh) {

    public boolean met(BigDecimal x) {
        return switch (comparator) {
            case ">=" -> x.compareTo(value) >= 0;
            case "<=" -> x.compareTo(value) <= 0;
            case "=" -> x.compareTo(value) == 0;
            case "between" -> x.compareTo(value) >= 0 && x.compareTo(valueHigh) <= 0;
            default -> throw new IllegalArgumentException("unknown comparator " + comparator);
        };
    }
}
