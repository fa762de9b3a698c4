package io.dengta.schools.project;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.security.RegionCodes;
import io.dengta.schools.school.School;

/**
 * What makes a construction project consistent: its region and school, seats that fit its kind, and a status whose
 * every step passed carries its date, in order; and (against the stored project) a status that never goes back.
 */
final class ConstructionProjectRules {

    private ConstructionProjectRules() {
    }

    /**
     * @param school the project's school if the body names one that exists, else null
     */
    static List<FieldError> check(ConstructionProjectInput in, boolean regionExists, School school, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (!regionExists) {
            errors.add(new FieldError("/region", "unknown_region", "region " + in.region() + " does not exist"));
        }
        checkSchool(in, regionExists, school, errors);
        checkSeats(in, errors);
        checkLifecycle(in, today, errors);
        return errors;
    }

    /** A stored project only moves forward; going back (e.g. in-use to completed) is a 409 conflict. */
    static void requireForward(String code, String storedStatus, String newStatus) {
        int from = ProjectLifecycle.position(storedStatus);
        int to = ProjectLifecycle.position(newStatus);
        if (to < from) {
            throw ProblemException.conflict("Construction project " + code + " is " + storedStatus
                    + "; its status cannot go back to " + newStatus + " (the lifecycle is "
                    + String.join(" → ", ProjectLifecycle.STATUSES) + ")");
        }
    }

    private static void checkSchool(ConstructionProjectInput in, boolean regionExists, School school,
            List<FieldError> errors) {
        if (in.school() == null) {
            if ("expansion".equals(in.kind()) || "renovation".equals(in.kind())) {
                errors.add(new FieldError("/school", "required", article(in.kind()) + " project needs its school"));
            }
            return;
        }
        if (school == null) {
            errors.add(new FieldError("/school", "unknown_school", "school " + in.school() + " does not exist"));
        } else if (regionExists && !RegionCodes.covers(in.region(), school.regionCode)) {
            errors.add(new FieldError("/school", "outside_region", "school " + in.school() + " is in region "
                    + school.regionCode + ", not in the project's region " + in.region()));
        }
    }

    private static void checkSeats(ConstructionProjectInput in, List<FieldError> errors) {
        if ("renovation".equals(in.kind())) {
            if (in.seatsAdded() != null && in.seatsAdded() > 0) {
                errors.add(new FieldError("/seatsAdded", "not_allowed",
                        "a renovation adds no seats; record added seats as an expansion"));
            }
        } else if (in.kind() != null && in.seatsAdded() == null) {
            errors.add(new FieldError("/seatsAdded", "required", article(in.kind()) + " project states the seats it adds"));
        }
    }

    private static void checkLifecycle(ConstructionProjectInput in, LocalDate today, List<FieldError> errors) {
        int reached = ProjectLifecycle.position(in.status());
        if (reached < 0) {
            return; // bean validation reports it
        }
        LocalDate previousDate = null;
        String previousField = null;
        for (int i = 1; i < ProjectLifecycle.STEPS.size(); i++) {
            ProjectLifecycle.Step step = ProjectLifecycle.STEPS.get(i);
            LocalDate date = step.date().apply(in);
            String at = "/" + step.dateField();
            if (i <= reached && date == null) {
                errors.add(new FieldError(at, "missing_step_date", "status " + in.status() + " passes step "
                        + step.status() + ", which needs " + step.dateField()));
            }
            if (i > reached && date != null) {
                errors.add(new FieldError(at, "step_not_reached", "status " + in.status() + " has not reached "
                        + step.status() + "; record the planned opening in expectedOpeningOn instead"));
            }
            if (date == null) {
                continue;
            }
            if (date.isAfter(today)) {
                errors.add(new FieldError(at, "in_future", step.dateField() + " is the date the step was reached, "
                        + "so it cannot be after today"));
            }
            if (previousDate != null && date.isBefore(previousDate)) {
                errors.add(new FieldError(at, "before_previous_step",
                        step.dateField() + " cannot be before " + previousField + " (" + previousDate + ")"));
            }
            previousDate = date;
            previousField = step.dateField();
        }
    }

    private static String article(String kind) {
        return ("expansion".equals(kind) ? "an " : "a ") + kind;
    }
}
