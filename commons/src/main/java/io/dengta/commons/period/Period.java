package io.dengta.commons.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import io.dengta.commons.problem.ProblemException;

/**
 * A reporting period, parsed from the codes of domain.md. This is the one place period arithmetic lives.
 *
 * <table>
 * <caption>Codes</caption>
 * <tr><th>code</th><th>type</th><th>from</th><th>to (inclusive)</th></tr>
 * <tr><td>{@code 2024}</td><td>year</td><td>2024-01-01</td><td>2024-12-31</td></tr>
 * <tr><td>{@code 2024S1}, {@code 2024S2}</td><td>half-year</td><td>2024-01-01, 2024-07-01</td><td>2024-06-30, 2024-12-31</td></tr>
 * <tr><td>{@code 2024Q1} … {@code 2024Q4}</td><td>quarter</td><td>2024-01-01 …</td><td>2024-03-31 …</td></tr>
 * <tr><td>{@code 202401} … {@code 202412}</td><td>month</td><td>2024-01-01 …</td><td>2024-01-31 …</td></tr>
 * <tr><td>{@code 2024Sep}</td><td>school-year</td><td>2024-09-01</td><td>2025-08-31</td></tr>
 * <tr><td>{@code 2024SepT1}</td><td>term</td><td>2024-09-01</td><td>2025-01-31</td></tr>
 * <tr><td>{@code 2024SepT2}</td><td>term</td><td>2025-02-01</td><td>2025-08-31</td></tr>
 * </table>
 * <p>
 * Terms: the autumn term (第一学期) runs from 1 September to the end of January, winter break included;
 * the spring term (第二学期) from 1 February to 31 August, summer break included, so the two terms cover
 * their school year without gap or overlap. Years run from {@value #FIRST_YEAR} to {@value #LAST_YEAR}.
 * <p>
 * Parsing is strict: exactly these spellings (case matters: {@code Sep}, {@code S1}, {@code Q1},
 * {@code T1}), no spaces, months with two digits. Periods order by start date, then end date, so a month
 * comes before the quarter, half-year and year that start with it; no two periods have the same dates.
 *
 * @param number the half-year (1–2), quarter (1–4), month (1–12) or term (1–2); 1 for years and school years
 */
public record Period(PeriodType type, int year, int number) implements Comparable<Period> {

    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;
    static final String EXAMPLES = "2024, 2024S1, 2024Q1, 202401, 2024Sep or 2024SepT1";

    public Period {
        if (type == null) {
            throw new IllegalArgumentException("a period needs a type");
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidPeriodException("year", "year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        if (number < 1 || number > type.perYear()) {
            throw new IllegalArgumentException(type.code() + " number " + number + " is outside 1–" + type.perYear());
        }
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 1);
    }

    public static Period halfYear(int year, int half) {
        return new Period(PeriodType.HALF_YEAR, year, half);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    /** The school year starting in September of {@code startYear}. */
    public static Period schoolYear(int startYear) {
        return new Period(PeriodType.SCHOOL_YEAR, startYear, 1);
    }

    /** Term 1 or 2 of the school year starting in September of {@code startYear}. */
    public static Period term(int startYear, int term) {
        return new Period(PeriodType.TERM, startYear, term);
    }

    /**
     * Parses a period code strictly.
     *
     * @throws InvalidPeriodException naming the part that is wrong
     */
    public static Period parse(String code) {
        if (code == null || code.isEmpty()) {
            throw new InvalidPeriodException("code", "a period code is required, e.g. " + EXAMPLES);
        }
        if (code.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidPeriodException("code", "'" + code + "' contains spaces; a period code is written without them, e.g. " + EXAMPLES);
        }
        if (code.length() < 4 || !isDigits(code.substring(0, 4))) {
            throw new InvalidPeriodException("year", "'" + code + "' does not start with a four-digit year; use " + EXAMPLES);
        }
        int year = Integer.parseInt(code.substring(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidPeriodException("year", "'" + code + "': year " + year + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        String rest = code.substring(4);
        if (rest.isEmpty()) {
            return year(year);
        }
        if (rest.regionMatches(true, 0, "sep", 0, 3)) {
            return parseSchoolYear(code, year, rest);
        }
        char first = rest.charAt(0);
        if (first == 'S' || first == 's') {
            if (rest.equals("S1") || rest.equals("S2")) {
                return halfYear(year, rest.charAt(1) - '0');
            }
            throw new InvalidPeriodException("half-year", "'" + code + "': the half-year is S1 (January–June) or S2 (July–December), not '" + rest + "'");
        }
        if (first == 'Q' || first == 'q') {
            if (rest.length() == 2 && first == 'Q' && rest.charAt(1) >= '1' && rest.charAt(1) <= '4') {
                return quarter(year, rest.charAt(1) - '0');
            }
            throw new InvalidPeriodException("quarter", "'" + code + "': the quarter is Q1 to Q4, not '" + rest + "'");
        }
        if (isDigits(rest)) {
            if (rest.length() != 2) {
                throw new InvalidPeriodException("month", "'" + code + "': a month is two digits after the year, 01 to 12 (e.g. 202401), not '" + rest + "'");
            }
            int month = Integer.parseInt(rest);
            if (month < 1 || month > 12) {
                throw new InvalidPeriodException("month", "'" + code + "': the month is 01 to 12, not " + rest);
            }
            return month(year, month);
        }
        throw new InvalidPeriodException("suffix", "'" + code + "': '" + rest + "' is not a period; after the year write nothing (year), "
                + "S1–S2 (half-year), Q1–Q4 (quarter), 01–12 (month), Sep (school year) or SepT1–SepT2 (term)");
    }

    private static Period parseSchoolYear(String code, int year, String rest) {
        if (!rest.startsWith("Sep")) {
            throw new InvalidPeriodException("school-year", "'" + code + "': a school year is written with 'Sep' (e.g. " + year + "Sep), not '"
                    + rest.substring(0, 3) + "'");
        }
        String term = rest.substring(3);
        if (term.isEmpty()) {
            return schoolYear(year);
        }
        if (term.equals("T1") || term.equals("T2")) {
            return term(year, term.charAt(1) - '0');
        }
        if (term.charAt(0) == 'T' || term.charAt(0) == 't') {
            throw new InvalidPeriodException("term", "'" + code + "': the term is T1 (September–January) or T2 (February–August), not '" + term + "'");
        }
        throw new InvalidPeriodException("suffix", "'" + code + "': '" + term + "' after Sep is not a term; a school year is " + year
                + "Sep, its terms " + year + "SepT1 and " + year + "SepT2");
    }

    /** Like {@link #parse}, for a request: a malformed code is a 400 naming {@code pointer} (code {@code invalid_period}). */
    public static Period require(String pointer, String code) {
        try {
            return parse(code);
        } catch (InvalidPeriodException e) {
            throw ProblemException.invalid(pointer, "invalid_period", e.getMessage());
        }
    }

    /** The period of {@code type} that {@code date} falls in. */
    public static Period containing(PeriodType type, LocalDate date) {
        int y = date.getYear();
        int m = date.getMonthValue();
        return switch (type) {
            case YEAR -> year(y);
            case HALF_YEAR -> halfYear(y, m <= 6 ? 1 : 2);
            case QUARTER -> quarter(y, (m - 1) / 3 + 1);
            case MONTH -> month(y, m);
            case SCHOOL_YEAR -> schoolYear(m >= 9 ? y : y - 1);
            case TERM -> m >= 9 ? term(y, 1) : m == 1 ? term(y - 1, 1) : term(y - 1, 2);
        };
    }

    /** The code, e.g. {@code 2024Q1}; {@code parse(p.code()).equals(p)}. */
    public String code() {
        return switch (type) {
            case YEAR -> Integer.toString(year);
            case HALF_YEAR -> year + "S" + number;
            case QUARTER -> year + "Q" + number;
            case MONTH -> year + (number < 10 ? "0" : "") + number;
            case SCHOOL_YEAR -> year + "Sep";
            case TERM -> year + "SepT" + number;
        };
    }

    /** The first day. */
    public LocalDate startDate() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case HALF_YEAR -> LocalDate.of(year, number == 1 ? 1 : 7, 1);
            case QUARTER -> LocalDate.of(year, 3 * (number - 1) + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
            case SCHOOL_YEAR -> LocalDate.of(year, 9, 1);
            case TERM -> number == 1 ? LocalDate.of(year, 9, 1) : LocalDate.of(year + 1, 2, 1);
        };
    }

    /** The last day (inclusive). */
    public LocalDate endDate() {
        return switch (type) {
            case YEAR -> LocalDate.of(year, 12, 31);
            case HALF_YEAR -> number == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
            case QUARTER -> YearMonth.of(year, 3 * number).atEndOfMonth();
            case MONTH -> YearMonth.of(year, number).atEndOfMonth();
            case SCHOOL_YEAR -> LocalDate.of(year + 1, 8, 31);
            case TERM -> number == 1 ? LocalDate.of(year + 1, 1, 31) : LocalDate.of(year + 1, 8, 31);
        };
    }

    /** Whether {@code date} falls in this period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(startDate()) && !date.isAfter(endDate());
    }

    /** Whether every day of {@code other} falls in this period (a period contains itself). */
    public boolean contains(Period other) {
        return contains(other.startDate()) && contains(other.endDate());
    }

    /**
     * The period of the same type {@code steps} later (earlier when negative): {@code 2024Q4 + 1 = 2025Q1},
     * {@code 2024SepT1 - 1 = 2023SepT2}.
     *
     * @throws InvalidPeriodException when the result is outside {@value #FIRST_YEAR}–{@value #LAST_YEAR}
     */
    public Period plus(long steps) {
        long index = ordinal() + steps;
        long perYear = type.perYear();
        long y = Math.floorDiv(index, perYear);
        if (y < FIRST_YEAR || y > LAST_YEAR) {
            throw new InvalidPeriodException("year", code() + (steps >= 0 ? " + " : " - ") + Math.abs(steps)
                    + " is outside " + FIRST_YEAR + "–" + LAST_YEAR);
        }
        return new Period(type, (int) y, (int) Math.floorMod(index, perYear) + 1);
    }

    /** The period of the same type just before: {@code 2024S1 → 2023S2}, {@code 202401 → 202312}. */
    public Period previous() {
        return plus(-1);
    }

    /** The period of the same type just after. */
    public Period next() {
        return plus(1);
    }

    /** The same period one year earlier, for year-over-year comparisons: {@code 2024Q3 → 2023Q3}. */
    public Period yearEarlier() {
        return plus(-type.perYear());
    }

    /**
     * How many periods of this type from this one to {@code other}: {@code 2024Q1 → 2025Q2} is 5,
     * negative when {@code other} is earlier.
     *
     * @throws IllegalArgumentException when the types differ (a quarter is not a number of months)
     */
    public long stepsUntil(Period other) {
        if (other.type != type) {
            throw new IllegalArgumentException("cannot count " + type.code() + "s from " + code() + " to the "
                    + other.type.code() + " " + other.code());
        }
        return other.ordinal() - ordinal();
    }

    /** The period of {@code type} that contains every day of this one, if any (2024Q1 is in school year 2023Sep; 2024Q3 is in none). */
    public Optional<Period> within(PeriodType type) {
        Period candidate;
        try {
            candidate = containing(type, startDate());
        } catch (InvalidPeriodException e) {
            return Optional.empty();
        }
        return candidate.contains(this) ? Optional.of(candidate) : Optional.empty();
    }

    /** The calendar year containing this period; empty for school years and autumn terms, which span two. */
    public Optional<Period> calendarYear() {
        return within(PeriodType.YEAR);
    }

    /** The school year containing this period; empty for years, S2 and Q3, which span two. */
    public Optional<Period> schoolYear() {
        return within(PeriodType.SCHOOL_YEAR);
    }

    private long ordinal() {
        return (long) year * type.perYear() + number - 1;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public int compareTo(Period other) {
        int byStart = startDate().compareTo(other.startDate());
        return byStart != 0 ? byStart : endDate().compareTo(other.endDate());
    }

    @Override
    public String toString() {
        return code();
    }
}
