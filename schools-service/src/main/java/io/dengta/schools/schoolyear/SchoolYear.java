package io.dengta.schools.schoolyear;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dengta.commons.problem.ProblemException;

/**
 * A school-year period code of domain.md: {@code 2024Sep} is September 2024 – August 2025 (the code DHIS2
 * uses for an academic year). Parsing is strict: four digits 2000–2100, then exactly {@code Sep}.
 */
public record SchoolYear(int startYear) implements Comparable<SchoolYear> {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    private static final Pattern CODE = Pattern.compile("(\\d{4})Sep");

    public SchoolYear {
        if (startYear < FIRST_YEAR || startYear > LAST_YEAR) {
            throw new IllegalArgumentException("school year out of range: " + startYear);
        }
    }

    public static Optional<SchoolYear> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        return year < FIRST_YEAR || year > LAST_YEAR ? Optional.empty() : Optional.of(new SchoolYear(year));
    }

    /** For a path or query parameter: a malformed code is a 400 naming the parameter. */
    public static SchoolYear require(String parameter, String code) {
        return parse(code).orElseThrow(() -> ProblemException.invalid(parameter, "invalid_school_year",
                "'" + code + "' is not a school year such as 2024Sep (September 2024 – August 2025; years "
                        + FIRST_YEAR + "–" + LAST_YEAR + ")"));
    }

    /** The school year a date falls in: September starts a new one. */
    public static SchoolYear containing(LocalDate date) {
        return new SchoolYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    public String code() {
        return startYear + "Sep";
    }

    public LocalDate startsOn() {
        return LocalDate.of(startYear, 9, 1);
    }

    public LocalDate endsOn() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    @Override
    public int compareTo(SchoolYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return code();
    }
}
