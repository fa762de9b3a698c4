package io.dengta.schools.schoolyear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.ProblemException;

class SchoolYearTest {

    @Test
    void parsesTheSchoolYearCodeOfSeptemberToAugust() {
        SchoolYear year = SchoolYear.parse("2024Sep").orElseThrow();
        assertEquals(2024, year.startYear());
        assertEquals("2024Sep", year.code());
        assertEquals(LocalDate.of(2024, 9, 1), year.startsOn());
        assertEquals(LocalDate.of(2025, 8, 31), year.endsOn());
    }

    @Test
    void acceptsTheFirstAndLastYearOfTheRange() {
        assertTrue(SchoolYear.parse("2000Sep").isPresent());
        assertTrue(SchoolYear.parse("2100Sep").isPresent());
    }

    @Test
    void rejectsEverythingButFourDigitsThenSep() {
        for (String code : List.of("2024sep", "2024SEP", "2024Sept", "24Sep", "02024Sep", "2024-Sep", " 2024Sep",
                "2024Sep ", "2024", "2024S1", "2024SepT1", "1999Sep", "2101Sep", "２０２４Sep", "")) {
            assertTrue(SchoolYear.parse(code).isEmpty(), code);
        }
        assertTrue(SchoolYear.parse(null).isEmpty());
    }

    @Test
    void answersAMalformedCodeWithA400NamingTheParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> SchoolYear.require("schoolYear", "2024"));
        assertEquals(400, e.type().status());
        assertEquals("schoolYear", e.errors().get(0).pointer());
        assertEquals("invalid_school_year", e.errors().get(0).code());
    }

    @Test
    void aNewSchoolYearBeginsOnTheFirstOfSeptember() {
        assertEquals("2023Sep", SchoolYear.containing(LocalDate.of(2024, 8, 31)).code());
        assertEquals("2024Sep", SchoolYear.containing(LocalDate.of(2024, 9, 1)).code());
        assertEquals("2024Sep", SchoolYear.containing(LocalDate.of(2025, 1, 15)).code());
    }
}
