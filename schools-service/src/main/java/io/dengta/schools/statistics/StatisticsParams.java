package io.dengta.schools.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.dengta.commons.paging.QueryParams;
import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.schools.school.Stage;
import io.dengta.schools.schoolyear.SchoolYear;

/** The statistics endpoints' query parameters, checked together so that every mistake is reported at once. */
final class StatisticsParams {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("\\d{10}");

    private final List<FieldError> errors = new ArrayList<>();

    String region(String value) {
        return required("region", value, () -> QueryParams.matching("region", value, REGION_CODE, "a 6-digit region code"));
    }

    String schoolCode(String value) {
        return required("schoolCode", value,
                () -> QueryParams.matching("schoolCode", value, SCHOOL_CODE, "a 10-digit school code"));
    }

    SchoolYear schoolYear(String value) {
        return required("schoolYear", value, () -> SchoolYear.require("schoolYear", value));
    }

    String stage(String value) {
        return check(() -> QueryParams.oneOf("stage", value, Stage.ALL));
    }

    /** Throws the validation problem with every error found, if any. */
    void done() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private <T> T required(String name, String value, Supplier<T> parse) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(name, "required", "is required"));
            return null;
        }
        return check(parse);
    }

    private <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ProblemException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
