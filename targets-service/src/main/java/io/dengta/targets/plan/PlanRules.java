package io.dengta.targets.plan;

import java.util.ArrayList;
import java.util.List;

import io.dengta.commons.problem.FieldError;

/** What makes a plan consistent: its years, and the deadlines of the targets it already has. */
public final class PlanRules {

    private PlanRules() {
    }

    /**
     * @param targetYears the first and last deadline year among the plan's existing targets, or null if none
     */
    public static List<FieldError> check(PlanInput in, int[] targetYears) {
        List<FieldError> errors = new ArrayList<>();
        if (in.firstYear() != null && in.lastYear() != null) {
            if (in.lastYear() < in.firstYear()) {
                errors.add(new FieldError("/lastYear", "before_first_year", "cannot be before firstYear " + in.firstYear()));
            } else if (targetYears != null && (targetYears[0] < in.firstYear() || targetYears[1] > in.lastYear())) {
                errors.add(new FieldError("/firstYear", "targets_outside_years", "the plan's targets have deadlines in "
                        + targetYears[0] + "–" + targetYears[1] + "; the years must include them"));
            }
        }
        return errors;
    }
}
