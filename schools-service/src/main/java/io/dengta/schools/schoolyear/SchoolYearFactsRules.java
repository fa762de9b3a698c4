package io.dengta.schools.schoolyear;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.dengta.commons.problem.FieldError;
import io.dengta.schools.school.School;

/**
 * What makes a school's facts for a school year consistent: grades of the school's stages, classes that fit the
 * pupils, class-size counts that nest, and a school year in which the school exists and that has (nearly) begun.
 */
final class SchoolYearFactsRules {

    /** Above this average a grade's figures are a data-entry error, not a large class (超大班额 starts at 66). */
    static final int MAX_AVERAGE_CLASS_SIZE = 80;

    private SchoolYearFactsRules() {
    }

    static List<FieldError> check(School school, SchoolYear year, SchoolYearFactsInput in, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        checkYear(school, year, today, errors);
        int pupils = 0;
        int classes = 0;
        if (in.grades() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.grades().size(); i++) {
                GradeCount g = in.grades().get(i);
                if (g == null) {
                    continue; // bean validation reports it
                }
                checkGrade(school, g, "/grades/" + i, seen, errors);
                pupils += g.pupils() == null ? 0 : g.pupils();
                classes += g.classes() == null ? 0 : g.classes();
            }
        }
        if (in.classSizes() != null) {
            checkClassSizes(in.classSizes(), pupils, classes, errors);
        }
        return errors;
    }

    private static void checkYear(School school, SchoolYear year, LocalDate today, List<FieldError> errors) {
        SchoolYear latest = new SchoolYear(SchoolYear.containing(today).startYear() + 1);
        if (year.compareTo(latest) > 0) {
            errors.add(new FieldError("schoolYear", "too_far_in_future",
                    year + " is more than one school year ahead; the latest accepted now is " + latest));
        }
        if (school.closedOn != null && year.startsOn().isAfter(school.closedOn)) {
            errors.add(new FieldError("schoolYear", "after_closing",
                    "school " + school.code + " closed on " + school.closedOn + ", before " + year + " began"));
        }
        if (school.openedOn != null && year.endsOn().isBefore(school.openedOn)) {
            errors.add(new FieldError("schoolYear", "before_opening",
                    "school " + school.code + " opened on " + school.openedOn + ", after " + year + " ended"));
        }
    }

    private static void checkGrade(School school, GradeCount g, String at, Set<String> seen, List<FieldError> errors) {
        String stage = Grades.stageOf(g.grade());
        if (stage != null) {
            if (!seen.add(g.grade())) {
                errors.add(new FieldError(at + "/grade", "duplicate", "grade " + g.grade() + " is listed twice"));
            } else if (!school.stages.contains(stage)) {
                errors.add(new FieldError(at + "/grade", "grade_not_offered", g.grade() + " is a " + stage
                        + " grade; school " + school.code + " offers " + String.join(", ", school.stages)));
            }
        }
        if (g.pupils() == null || g.classes() == null || g.pupils() < 0 || g.classes() < 0) {
            return; // bean validation reports these
        }
        if (g.pupils() > 0 && g.classes() == 0) {
            errors.add(new FieldError(at + "/classes", "missing_classes",
                    g.pupils() + " pupils need at least one class"));
        }
        if (g.classes() > 0 && g.pupils() < g.classes()) {
            errors.add(new FieldError(at + "/pupils", "fewer_than_classes",
                    g.classes() + " classes need at least as many pupils, not " + g.pupils()));
        }
        if (g.classes() > 0 && g.pupils() > (long) MAX_AVERAGE_CLASS_SIZE * g.classes()) {
            errors.add(new FieldError(at + "/pupils", "class_size_implausible", String.format(
                    "%d pupils in %d classes is an average of %.1f; more than %d per class is not plausible",
                    g.pupils(), g.classes(), (double) g.pupils() / g.classes(), MAX_AVERAGE_CLASS_SIZE)));
        }
    }

    private static void checkClassSizes(ClassSizeCounts sizes, int pupils, int classes, List<FieldError> errors) {
        String[] names = { "classesOver45", "classesOver50", "classesOver55", "classesOver65" };
        int[] thresholds = { 45, 50, 55, 65 };
        Integer[] counts = { sizes.classesOver45(), sizes.classesOver50(), sizes.classesOver55(), sizes.classesOver65() };
        Integer previous = null;
        String previousName = null;
        for (int i = 0; i < counts.length; i++) {
            Integer count = counts[i];
            if (count == null || count < 0) {
                continue; // bean validation reports these
            }
            String at = "/classSizes/" + names[i];
            if (count > classes) {
                errors.add(new FieldError(at, "exceeds_classes",
                        count + " is more than the " + classes + " classes of the grades"));
            } else if ((long) count * (thresholds[i] + 1) > pupils) {
                errors.add(new FieldError(at, "exceeds_pupils", count + " classes of more than " + thresholds[i]
                        + " pupils need at least " + (long) count * (thresholds[i] + 1) + " pupils, not " + pupils));
            }
            if (previous != null && count > previous) {
                errors.add(new FieldError(at, "not_monotonic", "cannot exceed " + previousName + " (" + previous
                        + "): a class of more than " + thresholds[i] + " pupils is also one of more than "
                        + thresholds[i - 1]));
            }
            previous = count;
            previousName = names[i];
        }
    }
}
