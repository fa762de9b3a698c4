package io.dengta.indicators.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.dengta.commons.problem.FieldError;

/**
 * What makes a standard consistent (its indicator, comparator, values, stages and years), when two standards
 * would both apply (overlap), and which standard applies to a region in a year.
 */
public final class StandardRules {

    private StandardRules() {
    }

    /**
     * @param in the normalized input
     * @param indicator the catalog entry of {@code in.indicator()}, null when there is none
     */
    static List<FieldError> check(StandardInput in, Indicator indicator) {
        List<FieldError> errors = new ArrayList<>();
        if (indicator == null && in.indicator() != null) {
            errors.add(new FieldError("/indicator", "unknown_indicator", "indicator " + in.indicator()
                    + " is not in the catalog"));
        }
        if (in.comparator() != null) {
            boolean between = in.comparator().equals("between");
            if (between && in.valueHigh() == null) {
                errors.add(new FieldError("/valueHigh", "required", "a between standard needs the high end"));
            } else if (!between && in.valueHigh() != null) {
                errors.add(new FieldError("/valueHigh", "not_allowed", "only a between standard has a high end; "
                        + "this one is " + in.comparator()));
            } else if (between && in.value() != null && in.value().compareTo(in.valueHigh()) > 0) {
                errors.add(new FieldError("/valueHigh", "below_low", "must be at least value ("
                        + in.value().toPlainString() + ")"));
            }
        }
        if (in.fromYear() != null && in.toYear() != null && in.toYear() < in.fromYear()) {
            errors.add(new FieldError("/toYear", "before_from_year", "must be " + in.fromYear() + " or later"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.stages().size(); i++) {
            String stage = in.stages().get(i);
            if (!seen.add(stage)) {
                errors.add(new FieldError("/stages/" + i, "duplicate", "stage " + stage + " is listed twice"));
            } else if (indicator != null && !indicator.stages.isEmpty() && !indicator.stages.contains(stage)) {
                errors.add(new FieldError("/stages/" + i, "stage_not_of_indicator", "indicator " + indicator.code
                        + " is for " + String.join(", ", indicator.stages) + ", not " + stage));
            }
        }
        if (indicator != null) {
            checkRange("/value", in.value(), indicator, errors);
            checkRange("/valueHigh", in.valueHigh(), indicator, errors);
        }
        return errors;
    }

    private static void checkRange(String pointer, BigDecimal value, Indicator indicator, List<FieldError> errors) {
        if (value != null && !indicator.inRange(value)) {
            errors.add(new FieldError(pointer, "out_of_range", value.toPlainString() + " is outside the valid range of "
                    + indicator.code + " (" + range(indicator) + ")"));
        }
    }

    static String range(Indicator i) {
        return (i.minValue == null ? "unbounded" : i.minValue.toPlainString()) + " to "
                + (i.maxValue == null ? "unbounded" : i.maxValue.toPlainString()) + " " + i.unit;
    }

    /**
     * Whether two standards would both apply somewhere: same indicator and jurisdiction, a common stage (no stages
     * means every stage) and a common year (no last year means open-ended).
     */
    static boolean overlaps(StandardInput a, Standard b) {
        return a.indicator().equals(b.indicatorCode) && a.jurisdiction().equals(b.jurisdiction)
                && stagesMeet(a.stages(), b.stages)
                && a.fromYear() <= (b.toYear == null ? Integer.MAX_VALUE : b.toYear)
                && b.fromYear <= (a.toYear() == null ? Integer.MAX_VALUE : a.toYear());
    }

    private static boolean stagesMeet(List<String> a, List<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    /** The outcome of looking for the standard that applies: the standard, none, or a stage must be named. */
    public record Resolution(StandardView standard, Set<String> stagesToChooseFrom) {

        public boolean ambiguous() {
            return !stagesToChooseFrom.isEmpty();
        }
    }

    /**
     * The standard that applies to {@code region} in {@code year} for {@code stage}: among the standards in force
     * that year whose jurisdiction covers the region and whose stages include the stage (or are every stage), the
     * one of the most specific jurisdiction (district, then city, province, national). Without a stage, the
     * standards in question must not differ by stage; if they do, the answer names the stages to choose from.
     */
    public static Resolution applicable(Collection<StandardView> standards, String region, int year, String stage) {
        List<StandardView> candidates = standards.stream()
                .filter(s -> s.fromYear() <= year && (s.toYear() == null || s.toYear() >= year))
                .filter(s -> Jurisdictions.covers(s.jurisdiction(), region))
                .filter(s -> stage == null || s.stages().isEmpty() || s.stages().contains(stage))
                .toList();
        if (stage == null && candidates.stream().map(s -> Set.copyOf(s.stages())).distinct().count() > 1) {
            Set<String> stages = new TreeSet<>(Comparator.comparingInt(Vocabulary.STAGES::indexOf));
            candidates.forEach(s -> stages.addAll(s.stages()));
            return new Resolution(null, stages);
        }
        StandardView best = candidates.stream()
                .max(Comparator.comparingInt((StandardView s) -> Jurisdictions.specificity(s.jurisdiction()))
                        .thenComparingInt(StandardView::fromYear))
                .orElse(null);
        return new Resolution(best, Set.of());
    }
}
