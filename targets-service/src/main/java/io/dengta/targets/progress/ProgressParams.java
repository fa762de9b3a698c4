package io.dengta.targets.progress;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.dengta.commons.problem.ProblemException;

/** Query parameters of the progress endpoints, parsed by the service (a malformed value is a 400 naming it). */
final class ProgressParams {

    private ProgressParams() {
    }

    /** {@code asOf} as an ISO date; today (Beijing) when absent. */
    static LocalDate asOf(String value) {
        if (value == null || value.isBlank()) {
            return ProgressEngine.today();
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "invalid_date", "asOf is a date like 2025-06-30");
        }
    }

    static long id(String name, String value) {
        try {
            long id = Long.parseLong(value.trim());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw ProblemException.notFound("No target " + value);
    }

    static Long before(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("before", "invalid_value", "before is the id of a history entry");
        }
    }
}
