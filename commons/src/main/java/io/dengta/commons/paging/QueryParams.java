package io.dengta.commons.paging;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import io.dengta.commons.problem.ProblemException;

/** Strict parsing of collection filters: a malformed filter is a 400 naming the parameter, never ignored. */
public final class QueryParams {

    private QueryParams() {
    }

    public static OffsetDateTime instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "invalid_instant",
                    "'" + value + "' is not an instant such as 2024-09-01T08:00:00Z");
        }
    }

    public static String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalid(name, "unknown_value",
                    "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        return value;
    }

    public static String matching(String name, String value, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!pattern.matcher(value).matches()) {
            throw ProblemException.invalid(name, "invalid_format", "'" + value + "' is not " + expected);
        }
        return value;
    }
}
