package io.dengta.schools.statistics;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Numerators and denominators per statistic and stage, for one school or summed over many: a region's statistic is
 * the ratio of the sums of its schools' numerators and denominators, never an average of their ratios.
 */
final class Tally {

    record Key(StatisticKind kind, String stage) {
    }

    /** A numerator and denominator (both start at 0). */
    static final class Fraction {
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
    }

    private final Map<Key, Fraction> fractions = new HashMap<>();
    private final Set<String> stages = new LinkedHashSet<>();
    private int schools;

    /** The stages offered by the schools in the tally: statistics are shown for these. */
    Set<String> stages() {
        return stages;
    }

    /** How many schools the tally covers. */
    int schools() {
        return schools;
    }

    void addSchool(Iterable<String> schoolStages) {
        schools++;
        schoolStages.forEach(stages::add);
    }

    void add(StatisticKind kind, String stage, BigDecimal numerator, BigDecimal denominator) {
        Fraction f = fractions.computeIfAbsent(new Key(kind, stage), k -> new Fraction());
        f.numerator = f.numerator.add(numerator);
        f.denominator = f.denominator.add(denominator);
    }

    void add(StatisticKind kind, String stage, long numerator, long denominator) {
        add(kind, stage, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** Adds every numerator, denominator and stage of {@code other} (a school) to this tally (a region). */
    void add(Tally other) {
        other.fractions.forEach((key, f) -> add(key.kind(), key.stage(), f.numerator, f.denominator));
        stages.addAll(other.stages);
        schools += other.schools;
    }

    /** Replaces the count of a statistic without a denominator (seats added). */
    void setCount(StatisticKind kind, String stage, BigDecimal count) {
        Fraction f = fractions.computeIfAbsent(new Key(kind, stage), k -> new Fraction());
        f.numerator = Objects.requireNonNull(count);
        f.denominator = BigDecimal.ZERO;
    }

    /** The fraction of a statistic and stage; 0/0 when nothing was added. */
    Fraction get(StatisticKind kind, String stage) {
        return fractions.getOrDefault(new Key(kind, stage), new Fraction());
    }
}
