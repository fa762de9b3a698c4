package io.dengta.targets.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.FieldError;

/** What makes an action consistent with its plan: its goal and targets exist there, its years are the plan's. */
public final class ActionRules {

    private ActionRules() {
    }

    public static List<FieldError> check(ActionInput in, int planFirstYear, int planLastYear, Set<String> goals,
            Set<String> targets) {
        List<FieldError> errors = new ArrayList<>();
        if (in.goal() != null && !goals.contains(in.goal())) {
            errors.add(new FieldError("/goal", "unknown_goal", "the plan has no goal " + in.goal()));
        }
        List<String> linked = in.targets() == null ? List.of() : in.targets();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < linked.size(); i++) {
            String code = linked.get(i);
            if (code == null) {
                continue; // bean validation reports it
            }
            if (!seen.add(code)) {
                errors.add(new FieldError("/targets/" + i, "duplicate", "target " + code + " is listed twice"));
            } else if (!targets.contains(code)) {
                errors.add(new FieldError("/targets/" + i, "unknown_target", "the plan has no target " + code));
            }
        }
        if (in.firstYear() != null && (in.firstYear() < planFirstYear || in.firstYear() > planLastYear)) {
            errors.add(new FieldError("/firstYear", "outside_plan_years",
                    "must be within the plan's years " + planFirstYear + "–" + planLastYear));
        }
        if (in.lastYear() != null && (in.lastYear() < planFirstYear || in.lastYear() > planLastYear)) {
            errors.add(new FieldError("/lastYear", "outside_plan_years",
                    "must be within the plan's years " + planFirstYear + "–" + planLastYear));
        }
        if (in.firstYear() != null && in.lastYear() != null && in.lastYear() < in.firstYear()) {
            errors.add(new FieldError("/lastYear", "before_first_year", "cannot be before firstYear " + in.firstYear()));
        }
        return errors;
    }
}
