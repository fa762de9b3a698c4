package io.dengta.indicators.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.FieldError;

/** What makes an indicator definition consistent: its stages, its valid range, how it adds up to regions. */
final class IndicatorRules {

    private IndicatorRules() {
    }

    /** @param in the normalized input (unit defaults applied) */
    static List<FieldError> check(IndicatorInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in.stages() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.stages().size(); i++) {
                if (!seen.add(in.stages().get(i))) {
                    errors.add(new FieldError("/stages/" + i, "duplicate", "stage " + in.stages().get(i)
                            + " is listed twice"));
                }
            }
        }
        if (in.minValue() != null && in.maxValue() != null && in.minValue().compareTo(in.maxValue()) >= 0) {
            errors.add(new FieldError("/maxValue", "range_inverted", "must be greater than minValue ("
                    + in.minValue().toPlainString() + ")"));
        }
        String aggregation = in.aggregation();
        if (aggregation == null || in.unit() == null || in.level() == null) {
            return errors; // bean validation reports these
        }
        if (in.level().equals("both") && aggregation.equals("none")) {
            errors.add(new FieldError("/aggregation", "aggregation_required", "an indicator reported for schools and "
                    + "regions needs how school values add up to a region: sum, pupil-weighted-mean or ratio-of-sums"));
        }
        if (aggregation.equals("sum") && Vocabulary.NON_ADDITIVE_UNITS.contains(in.unit())) {
            errors.add(new FieldError("/aggregation", "not_additive", "values in " + in.unit()
                    + " do not add up; use ratio-of-sums or pupil-weighted-mean (sum is for totals)"));
        }
        if (aggregation.equals("pupil-weighted-mean") && in.unit().equals("count")) {
            errors.add(new FieldError("/aggregation", "not_a_rate", "a count is summed, not averaged; "
                    + "pupil-weighted-mean is for per-pupil values, rates and shares"));
        }
        return errors;
    }
}
