package io.dengta.schools.campus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.FieldError;
import io.dengta.schools.school.Stage;

/** What makes a campus consistent with itself and its school: location, dates, and stages the school offers. */
final class CampusRules {

    private CampusRules() {
    }

    static List<FieldError> check(CampusInput in, List<String> schoolStages) {
        List<FieldError> errors = new ArrayList<>();
        if ((in.latitude() == null) != (in.longitude() == null)) {
            errors.add(new FieldError(in.latitude() == null ? "/latitude" : "/longitude", "required",
                    "latitude and longitude go together"));
        }
        if (in.openedOn() != null && in.closedOn() != null && in.closedOn().isBefore(in.openedOn())) {
            errors.add(new FieldError("/closedOn", "before_opening", "cannot be before openedOn"));
        }
        checkStages(in.stages(), schoolStages, errors);
        return errors;
    }

    private static void checkStages(List<String> stages, List<String> schoolStages, List<FieldError> errors) {
        if (stages == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            if (stage == null || !Stage.ALL.contains(stage)) {
                continue; // bean validation reports these
            }
            if (!seen.add(stage)) {
                errors.add(new FieldError("/stages/" + i, "duplicate", "stage " + stage + " is listed twice"));
            } else if (!schoolStages.contains(stage)) {
                errors.add(new FieldError("/stages/" + i, "not_offered_by_school", "the school does not offer "
                        + stage + " (its stages: " + String.join(", ", schoolStages) + ")"));
            }
        }
    }
}
