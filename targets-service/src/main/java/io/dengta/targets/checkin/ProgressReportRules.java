package io.dengta.targets.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dengta.commons.problem.FieldError;
import io.dengta.targets.period.InvalidPeriodException;
import io.dengta.targets.period.Period;

/** What a check-in must carry for its target: a done flag for a milestone, a value otherwise; a period that has begun. */
public final class ProgressReportRules {

    private ProgressReportRules() {
    }

    public static List<FieldError> check(ProgressReportInput in, String targetKind, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (targetKind.equals("milestone")) {
            if (in.done() == null) {
                errors.add(new FieldError("/done", "required", "a milestone's report says whether it is done"));
            }
            if (in.value() != null) {
                errors.add(new FieldError("/value", "not_allowed", "a milestone's report has no value"));
            }
        } else {
            if (in.value() == null) {
                errors.add(new FieldError("/value", "required", "a " + targetKind + " target's report needs the value reached"));
            }
            if (in.done() != null) {
                errors.add(new FieldError("/done", "not_allowed", "done is for milestones"));
            }
        }
        if (in.period() != null) {
            try {
                Period period = Period.parse(in.period());
                if (period.startDate().isAfter(today)) {
                    errors.add(new FieldError("/period", "in_future", "period " + in.period() + " has not begun"));
                }
            } catch (InvalidPeriodException e) {
                errors.add(new FieldError("/period", "invalid_period", e.getMessage()));
            }
        }
        return errors;
    }
}
