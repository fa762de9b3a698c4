package io.dengta.indicators.quality;

import java.math.BigDecimal;
import java.util.List;

/**
 * Relations that must hold between two indicators of the same unit, period and stage, as data: each rule names its
 * indicators and relation, so adding one is a line here. From the catalog's definitions:
 * <ul>
 * <li>net enrolment counts only the children of the age, gross counts all: net ≤ gross;</li>
 * <li>classes of 66+ pupils are among those of 56+: very large ≤ large;</li>
 * <li>public kindergartens are inclusive: children in public ones ≤ children in inclusive ones;</li>
 * <li>classes within the limit (≤ 45 primary, ≤ 50 junior) and classes of 56+ do not overlap: their shares add up to
 * at most 100.</li>
 * </ul>
 */
public final class CrossIndicatorRules {

    public enum Relation {
        /** left ≤ right */
        AT_MOST,
        /** left + right ≤ bound */
        SUM_AT_MOST
    }

    /** @param bound for {@link Relation#SUM_AT_MOST} */
    public record Rule(String code, String left, Relation relation, String right, BigDecimal bound, String why) {
    }

    public static final List<Rule> RULES = List.of(
            new Rule("net-at-most-gross", "pre.net_enrollment_rate", Relation.AT_MOST, "pre.gross_enrollment_rate", null,
                    "net enrolment counts only children of the age, gross enrolment counts all"),
            new Rule("very-large-classes-within-large", "ce.very_large_class_share", Relation.AT_MOST,
                    "ce.large_class_share", null, "classes of 66+ pupils are among the classes of 56+"),
            new Rule("public-within-inclusive", "pre.public_share", Relation.AT_MOST, "pre.inclusive_coverage", null,
                    "public kindergartens are inclusive kindergartens"),
            new Rule("compliant-and-large-classes-disjoint", "qb.class_size_compliance", Relation.SUM_AT_MOST,
                    "ce.large_class_share", BigDecimal.valueOf(100),
                    "classes within the limit (45 or 50) and classes of 56+ pupils do not overlap"));

    private CrossIndicatorRules() {
    }

    /** Whether left and right (of the same unit, period and stage) satisfy the rule. */
    public static boolean holds(Rule rule, BigDecimal left, BigDecimal right) {
        return switch (rule.relation()) {
            case AT_MOST -> left.compareTo(right) <= 0;
            case SUM_AT_MOST -> left.add(right).compareTo(rule.bound()) <= 0;
        };
    }
}
