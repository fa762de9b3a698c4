package io.dengta.schools.school;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class SchoolRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String CODE = "3201130001";

    private static SchoolInput school(List<String> stages, String status, LocalDate openedOn, LocalDate closedOn,
            String mergedInto) {
        return new SchoolInput(null, "示范学校", null, "320113", stages, "public", null, null, null, null, null, null, null,
                null, status, openedOn, closedOn, mergedInto, 1800, 36, null);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + ":" + e.code()).toList();
    }

    @Test
    void acceptsNineYearSchoolAndFullSecondarySchool() {
        assertTrue(SchoolRules.check(CODE, school(List.of("primary", "junior"), "open", null, null, null), true, TODAY).isEmpty());
        assertTrue(SchoolRules.check(CODE, school(List.of("junior", "senior"), "open", null, null, null), true, TODAY).isEmpty());
        assertTrue(SchoolRules.check(CODE, school(List.of("senior", "vocational"), "open", null, null, null), true, TODAY).isEmpty());
    }

    @Test
    void rejectsUnknownRegion() {
        assertEquals(List.of("/region:unknown_region"),
                codes(SchoolRules.check(CODE, school(List.of("primary"), "open", null, null, null), false, TODAY)));
    }

    @Test
    void rejectsStagesWithAGap() {
        assertEquals(List.of("/stages:non_contiguous_stages"),
                codes(SchoolRules.check(CODE, school(List.of("primary", "senior"), "open", null, null, null), true, TODAY)));
    }

    @Test
    void rejectsDuplicateStage() {
        assertEquals(List.of("/stages:duplicate"),
                codes(SchoolRules.check(CODE, school(List.of("primary", "primary"), "open", null, null, null), true, TODAY)));
    }

    @Test
    void rejectsVocationalWithPrimary() {
        assertEquals(List.of("/stages:invalid_combination"),
                codes(SchoolRules.check(CODE, school(List.of("primary", "vocational"), "open", null, null, null), true, TODAY)));
    }

    @Test
    void closedSchoolNeedsClosingDateAndMergedSchoolItsSuccessor() {
        assertEquals(List.of("/closedOn:required"),
                codes(SchoolRules.check(CODE, school(List.of("primary"), "closed", null, null, null), true, TODAY)));
        assertEquals(List.of("/mergedInto:required"), codes(SchoolRules.check(CODE,
                school(List.of("primary"), "merged", null, LocalDate.of(2020, 8, 31), null), true, TODAY)));
    }

    @Test
    void rejectsClosingDateOnOpenSchoolAndClosingBeforeOpening() {
        assertEquals(List.of("/closedOn:not_allowed"), codes(SchoolRules.check(CODE,
                school(List.of("primary"), "open", null, LocalDate.of(2020, 1, 1), null), true, TODAY)));
        assertEquals(List.of("/closedOn:before_opening"), codes(SchoolRules.check(CODE,
                school(List.of("primary"), "closed", LocalDate.of(2010, 9, 1), LocalDate.of(2009, 1, 1), null), true, TODAY)));
    }

    @Test
    void rejectsMergingIntoItself() {
        assertTrue(codes(SchoolRules.check(CODE,
                school(List.of("primary"), "merged", null, LocalDate.of(2020, 8, 31), CODE), true, TODAY))
                .contains("/mergedInto:self_reference"));
    }

    @Test
    void onlyPlannedSchoolsOpenInTheFuture() {
        assertEquals(List.of("/openedOn:in_future"), codes(SchoolRules.check(CODE,
                school(List.of("primary"), "open", TODAY.plusDays(10), null, null), true, TODAY)));
        assertTrue(SchoolRules.check(CODE, school(List.of("primary"), "planned", TODAY.plusYears(1), null, null), true,
                TODAY).isEmpty());
    }

    @Test
    void latitudeAndLongitudeGoTogether() {
        SchoolInput onlyLatitude = new SchoolInput(null, "示范学校", null, "320113", List.of("primary"), "public", null, null,
                null, null, null, new BigDecimal("32.1"), null, null, "open", null, null, null, null, null, null);
        assertEquals(List.of("/longitude:required"), codes(SchoolRules.check(CODE, onlyLatitude, true, TODAY)));
    }

    @Test
    void qualityRatingYearNeedsTheRating() {
        SchoolInput yearOnly = new SchoolInput(null, "示范园", null, "320113", List.of("kindergarten"), "public", null, null,
                null, 2023, null, null, null, null, "open", null, null, null, null, null, null);
        assertEquals(List.of("/qualityRating:required"), codes(SchoolRules.check(CODE, yearOnly, true, TODAY)));
    }

    @Test
    void rejectsFoundingInTheFuture() {
        SchoolInput future = new SchoolInput(null, "示范学校", null, "320113", List.of("primary"), "public", null, null, null,
                null, null, null, null, TODAY.plusDays(1), "planned", null, null, null, null, null, null);
        assertEquals(List.of("/foundedOn:in_future"), codes(SchoolRules.check(CODE, future, true, TODAY)));
    }
}
