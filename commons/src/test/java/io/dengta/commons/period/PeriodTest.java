package io.dengta.commons.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dengta.commons.problem.ProblemException;

class PeriodTest {

    @ParameterizedTest(name = "{0} is a {1} from {2} to {3}")
    @CsvSource({
            "2024,      year,        2024-01-01, 2024-12-31",
            "2024S1,    half-year,   2024-01-01, 2024-06-30",
            "2024S2,    half-year,   2024-07-01, 2024-12-31",
            "2024Q1,    quarter,     2024-01-01, 2024-03-31",
            "2024Q2,    quarter,     2024-04-01, 2024-06-30",
            "2024Q3,    quarter,     2024-07-01, 2024-09-30",
            "2024Q4,    quarter,     2024-10-01, 2024-12-31",
            "202401,    month,       2024-01-01, 2024-01-31",
            "202402,    month,       2024-02-01, 2024-02-29",
            "202302,    month,       2023-02-01, 2023-02-28",
            "202412,    month,       2024-12-01, 2024-12-31",
            "2024Sep,   school-year, 2024-09-01, 2025-08-31",
            "2024SepT1, term,        2024-09-01, 2025-01-31",
            "2024SepT2, term,        2025-02-01, 2025-08-31",
            "1949,      year,        1949-01-01, 1949-12-31",
            "2100Sep,   school-year, 2100-09-01, 2101-08-31" })
    void parsesEveryCodeOfTheDomainWithItsDates(String code, String type, LocalDate start, LocalDate end) {
        Period p = Period.parse(code);
        assertEquals(type, p.type().code());
        assertEquals(start, p.startDate());
        assertEquals(end, p.endDate());
        assertEquals(code, p.code(), "the code round-trips");
    }

    @ParameterizedTest(name = "''{0}'' is rejected for its {1}")
    @CsvSource(delimiter = '|', value = {
            "''          | code",
            "' 2024'     | code",
            "'2024 Q1'   | code",
            "'2024\t'    | code",
            "24Q1        | year",
            "２０２４    | year",
            "abcd        | year",
            "1948        | year",
            "2101Q1      | year",
            "2024S3      | half-year",
            "2024S0      | half-year",
            "2024s1      | half-year",
            "2024S       | half-year",
            "2024S12     | half-year",
            "2024Q0      | quarter",
            "2024Q5      | quarter",
            "2024q1      | quarter",
            "2024Q       | quarter",
            "2024Q01     | quarter",
            "202400      | month",
            "202413      | month",
            "20241       | month",
            "2024001     | month",
            "2024sep     | school-year",
            "2024SEP     | school-year",
            "2024SepT3   | term",
            "2024SepT0   | term",
            "2024Sept1   | term",
            "2024SepT    | term",
            "2024SepS1   | suffix",
            "2024Sept    | term",
            "2024-01     | suffix",
            "2024H1      | suffix",
            "2024W01     | suffix",
            "2024Sep1    | suffix" })
    void rejectsMalformedCodesNamingThePartThatIsWrong(String code, String part) {
        InvalidPeriodException e = assertThrows(InvalidPeriodException.class, () -> Period.parse(code));
        assertEquals(part, e.part(), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void rejectsAMissingCode() {
        assertEquals("code", assertThrows(InvalidPeriodException.class, () -> Period.parse(null)).part());
    }

    @Test
    void errorMessagesSayWhatIsExpected() {
        assertTrue(assertThrows(InvalidPeriodException.class, () -> Period.parse("2024Q5")).getMessage()
                .contains("Q1 to Q4"));
        assertTrue(assertThrows(InvalidPeriodException.class, () -> Period.parse("202413")).getMessage()
                .contains("01 to 12"));
        assertTrue(assertThrows(InvalidPeriodException.class, () -> Period.parse("2024sep")).getMessage()
                .contains("2024Sep"));
        assertTrue(assertThrows(InvalidPeriodException.class, () -> Period.parse("1800")).getMessage()
                .contains("1949–2100"));
    }

    @Test
    void requireAnswersAValidationProblemOnTheNamedField() {
        ProblemException e = assertThrows(ProblemException.class, () -> Period.require("period", "2024Q9"));
        assertEquals("period", e.errors().get(0).pointer());
        assertEquals("invalid_period", e.errors().get(0).code());
        assertEquals(Period.quarter(2024, 2), Period.require("period", "2024Q2"));
    }

    @ParameterizedTest(name = "before {0} comes {1}")
    @CsvSource({
            "2024,      2023",
            "2024S1,    2023S2",
            "2024S2,    2024S1",
            "2024Q1,    2023Q4",
            "2024Q3,    2024Q2",
            "202401,    202312",
            "202410,    202409",
            "2024Sep,   2023Sep",
            "2024SepT1, 2023SepT2",
            "2024SepT2, 2024SepT1" })
    void previousIsThePeriodOfTheSameTypeJustBefore(String code, String previous) {
        assertEquals(previous, Period.parse(code).previous().code());
        assertEquals(code, Period.parse(previous).next().code());
    }

    @Test
    void stepsAcrossYearsAndCountsThem() {
        assertEquals("2025Q2", Period.parse("2024Q1").plus(5).code());
        assertEquals("202101", Period.parse("202412").plus(-47).code());
        assertEquals(5, Period.parse("2024Q1").stepsUntil(Period.parse("2025Q2")));
        assertEquals(-3, Period.parse("2024SepT2").stepsUntil(Period.parse("2023SepT1")));
        assertEquals(0, Period.parse("2024").stepsUntil(Period.parse("2024")));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2024").stepsUntil(Period.parse("2024Q1")));
    }

    @Test
    void yearEarlierIsTheSamePeriodOfThePreviousYear() {
        assertEquals("2023Q3", Period.parse("2024Q3").yearEarlier().code());
        assertEquals("202303", Period.parse("202403").yearEarlier().code());
        assertEquals("2023SepT1", Period.parse("2024SepT1").yearEarlier().code());
        assertEquals("2023", Period.parse("2024").yearEarlier().code());
    }

    @Test
    void arithmeticStaysWithinTheSupportedYears() {
        assertEquals("year", assertThrows(InvalidPeriodException.class, () -> Period.parse("1949").previous()).part());
        assertThrows(InvalidPeriodException.class, () -> Period.parse("2100Q4").next());
        assertEquals("1949Q1", Period.parse("1949Q2").previous().code());
    }

    @ParameterizedTest(name = "{0} is in calendar year {1}")
    @CsvSource({
            "2024,      2024",
            "2024S2,    2024",
            "2024Q4,    2024",
            "202407,    2024",
            "2024SepT2, 2025",
            "2024SepT1, ''",
            "2024Sep,   ''" })
    void containingCalendarYear(String code, String year) {
        assertEquals(year.isEmpty() ? Optional.empty() : Optional.of(Period.parse(year)), Period.parse(code).calendarYear());
    }

    @ParameterizedTest(name = "{0} is in school year {1}")
    @CsvSource({
            "2024Sep,   2024Sep",
            "2024SepT1, 2024Sep",
            "2024SepT2, 2024Sep",
            "202409,    2024Sep",
            "202408,    2023Sep",
            "202501,    2024Sep",
            "2024Q4,    2024Sep",
            "2025Q1,    2024Sep",
            "2025Q2,    2024Sep",
            "2024Q3,    ''",
            "2025S1,    2024Sep",
            "2024S2,    ''",
            "2024,      ''" })
    void containingSchoolYear(String code, String schoolYear) {
        assertEquals(schoolYear.isEmpty() ? Optional.empty() : Optional.of(Period.parse(schoolYear)),
                Period.parse(code).schoolYear());
    }

    @Test
    void containingFindsThePeriodOfEachTypeForADate() {
        LocalDate jan15 = LocalDate.of(2025, 1, 15);
        assertEquals("2024SepT1", Period.containing(PeriodType.TERM, jan15).code());
        assertEquals("2024SepT2", Period.containing(PeriodType.TERM, LocalDate.of(2025, 2, 1)).code());
        assertEquals("2024SepT2", Period.containing(PeriodType.TERM, LocalDate.of(2025, 8, 31)).code());
        assertEquals("2025SepT1", Period.containing(PeriodType.TERM, LocalDate.of(2025, 9, 1)).code());
        assertEquals("2024Sep", Period.containing(PeriodType.SCHOOL_YEAR, jan15).code());
        assertEquals("2025Q1", Period.containing(PeriodType.QUARTER, jan15).code());
        assertEquals("2025S1", Period.containing(PeriodType.HALF_YEAR, jan15).code());
        assertEquals("202501", Period.containing(PeriodType.MONTH, jan15).code());
        assertEquals("2025", Period.containing(PeriodType.YEAR, jan15).code());
    }

    @Test
    void termsCoverTheirSchoolYearWithoutGapOrOverlap() {
        for (int year = 2000; year <= 2030; year++) {
            Period schoolYear = Period.schoolYear(year);
            Period t1 = Period.term(year, 1);
            Period t2 = Period.term(year, 2);
            assertEquals(schoolYear.startDate(), t1.startDate());
            assertEquals(t1.endDate().plusDays(1), t2.startDate());
            assertEquals(schoolYear.endDate(), t2.endDate());
            assertTrue(schoolYear.contains(t1) && schoolYear.contains(t2));
        }
    }

    @Test
    void consecutivePeriodsOfEachTypeTileTheCalendar() {
        for (PeriodType type : PeriodType.values()) {
            Period p = Period.containing(type, LocalDate.of(2019, 3, 1));
            for (int i = 0; i < 30; i++) {
                Period next = p.next();
                assertEquals(p.endDate().plusDays(1), next.startDate(), p + " then " + next);
                p = next;
            }
        }
    }

    @Test
    void ordersByStartThenEndAndNoTwoPeriodsShareTheirDates() {
        List<Period> all = new ArrayList<>();
        for (String code : List.of("2024", "2024S1", "2024S2", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "202401",
                "202407", "202409", "2024Sep", "2024SepT1", "2024SepT2", "2023Sep", "2023SepT2", "2025")) {
            all.add(Period.parse(code));
        }
        Collections.shuffle(all, new java.util.Random(7));
        Collections.sort(all);
        assertEquals(List.of("2023Sep", "202401", "2024Q1", "2024S1", "2024", "2023SepT2", "2024Q2", "202407",
                "2024Q3", "2024S2", "202409", "2024SepT1", "2024Sep", "2024Q4", "2025", "2024SepT2"),
                all.stream().map(Period::code).toList());

        Set<String> ranges = new HashSet<>();
        for (PeriodType type : PeriodType.values()) {
            Period p = Period.containing(type, LocalDate.of(2023, 1, 1));
            for (int i = 0; i < 40; i++, p = p.next()) {
                assertTrue(ranges.add(p.startDate() + "/" + p.endDate()), "two periods span " + p.startDate() + "/" + p.endDate());
            }
        }
        assertEquals(0, Period.parse("2024Q1").compareTo(Period.quarter(2024, 1)));
    }

    @Test
    void containsDatesAndPeriods() {
        Period q1 = Period.parse("2024Q1");
        assertTrue(q1.contains(LocalDate.of(2024, 3, 31)));
        assertFalse(q1.contains(LocalDate.of(2024, 4, 1)));
        assertTrue(Period.parse("2024").contains(q1));
        assertTrue(q1.contains(q1));
        assertFalse(q1.contains(Period.parse("2024")));
    }
}
