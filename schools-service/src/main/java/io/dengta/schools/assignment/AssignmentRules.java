package io.dengta.schools.assignment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.dengta.commons.problem.FieldError;

/**
 * What makes an assignment consistent: its schools and teacher exist, its dates are ordered, its FTE is a
 * share of one post, and together with the teacher's other assignments it never asks for more than one
 * full-time teacher on any day (so a full-time assignment overlaps nothing).
 */
final class AssignmentRules {

    /** Another assignment of the same teacher (dates inclusive, endsOn null = open-ended). */
    record Existing(LocalDate startsOn, LocalDate endsOn, BigDecimal fte) {

        boolean activeOn(LocalDate day) {
            return !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
        }

        boolean overlaps(LocalDate from, LocalDate to) {
            return (to == null || !startsOn.isAfter(to)) && (endsOn == null || !endsOn.isBefore(from));
        }
    }

    record Context(boolean teacherExists, boolean schoolExists, boolean originSchoolExists) {
    }

    private AssignmentRules() {
    }

    static List<FieldError> check(AssignmentInput in, Context context, List<Existing> otherAssignments) {
        List<FieldError> errors = new ArrayList<>();
        if (!context.teacherExists()) {
            errors.add(new FieldError("/teacher", "unknown_teacher", "teacher " + in.teacher() + " does not exist"));
        }
        if (!context.schoolExists()) {
            errors.add(new FieldError("/school", "unknown_school", "school " + in.school() + " does not exist"));
        }
        checkOrigin(in, context.originSchoolExists(), errors);
        boolean datesOrdered = in.endsOn() == null || !in.endsOn().isBefore(in.startsOn());
        if (!datesOrdered) {
            errors.add(new FieldError("/endsOn", "before_start", "cannot be before startsOn"));
        }
        boolean fteValid = checkFte(in.fte(), errors);
        if (datesOrdered && fteValid) {
            checkLoad(in.startsOn(), in.endsOn(), in.fte(), otherAssignments, errors);
        }
        return errors;
    }

    private static void checkOrigin(AssignmentInput in, boolean originExists, List<FieldError> errors) {
        boolean needsOrigin = !"regular".equals(in.kind());
        if (needsOrigin && in.originSchool() == null) {
            errors.add(new FieldError("/originSchool", "required",
                    "a " + in.kind() + " assignment needs the school the teacher comes from"));
        } else if (!needsOrigin && in.originSchool() != null) {
            errors.add(new FieldError("/originSchool", "not_allowed",
                    "only rotation and support assignments have an origin school"));
        } else if (in.originSchool() != null && in.originSchool().equals(in.school())) {
            errors.add(new FieldError("/originSchool", "same_as_school", "must differ from school"));
        } else if (in.originSchool() != null && !originExists) {
            errors.add(new FieldError("/originSchool", "unknown_school",
                    "school " + in.originSchool() + " does not exist"));
        }
    }

    private static boolean checkFte(BigDecimal fte, List<FieldError> errors) {
        if (fte.signum() <= 0 || fte.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError("/fte", "out_of_range", "must be more than 0 and at most 1"));
            return false;
        }
        if (fte.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("/fte", "too_many_decimals", "at most two decimals, e.g. 0.25"));
            return false;
        }
        return true;
    }

    private static void checkLoad(LocalDate from, LocalDate to, BigDecimal fte, List<Existing> others,
            List<FieldError> errors) {
        List<Existing> overlapping = others.stream().filter(o -> o.overlaps(from, to)).toList();
        if (overlapping.isEmpty()) {
            return;
        }
        Existing fullTime = fte.compareTo(BigDecimal.ONE) == 0 ? overlapping.get(0)
                : overlapping.stream().filter(o -> o.fte().compareTo(BigDecimal.ONE) == 0).findFirst().orElse(null);
        if (fullTime != null) {
            errors.add(new FieldError("/startsOn", "overlapping_full_time",
                    "overlaps the teacher's assignment from " + fullTime.startsOn() + " to "
                            + (fullTime.endsOn() == null ? "open end" : fullTime.endsOn())
                            + "; a full-time assignment cannot overlap another one"));
            return;
        }
        // the load only rises where an assignment starts: checking those days covers every day
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(from);
        overlapping.stream().map(Existing::startsOn).filter(d -> d.isAfter(from)).forEach(days::add);
        for (LocalDate day : days) {
            BigDecimal load = fte;
            for (Existing o : overlapping) {
                if (o.activeOn(day)) {
                    load = load.add(o.fte());
                }
            }
            if (load.compareTo(BigDecimal.ONE) > 0) {
                errors.add(new FieldError("/fte", "fte_exceeds_one", "with the teacher's overlapping assignments "
                        + "this makes " + load.stripTrailingZeros().toPlainString() + " FTE on " + day
                        + "; at most 1"));
                return;
            }
        }
    }
}
