package io.dengta.schools.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class AssignmentRulesTest {

    private static final AssignmentRules.Context ALL_EXIST = new AssignmentRules.Context(true, true, true);
    private static final LocalDate SEP = LocalDate.of(2024, 9, 1);
    private static final LocalDate AUG = LocalDate.of(2025, 8, 31);

    private static AssignmentInput regular(LocalDate startsOn, LocalDate endsOn, String fte) {
        return new AssignmentInput("T-0001", "3201130002", startsOn, endsOn, new BigDecimal(fte), "teacher", "regular",
                null);
    }

    private static AssignmentInput of(String kind, String originSchool) {
        return new AssignmentInput("T-0001", "3201130002", SEP, AUG, BigDecimal.ONE, "teacher", kind, originSchool);
    }

    private static AssignmentRules.Existing existing(LocalDate startsOn, LocalDate endsOn, String fte) {
        return new AssignmentRules.Existing(startsOn, endsOn, new BigDecimal(fte));
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    private static List<String> check(AssignmentInput in, AssignmentRules.Existing... others) {
        return codes(AssignmentRules.check(in, ALL_EXIST, List.of(others)));
    }

    @Test
    void acceptsAnOpenEndedFullTimeAssignment() {
        assertEquals(List.of(), check(regular(SEP, null, "1")));
    }

    @Test
    void endsOnIsNotBeforeStartsOn() {
        assertEquals(List.of("/endsOn before_start"), check(regular(SEP, SEP.minusDays(1), "1")));
        assertEquals(List.of(), check(regular(SEP, SEP, "1")));
    }

    @Test
    void fteIsMoreThanZeroAndAtMostOne() {
        assertEquals(List.of("/fte out_of_range"), check(regular(SEP, AUG, "0")));
        assertEquals(List.of("/fte out_of_range"), check(regular(SEP, AUG, "-0.5")));
        assertEquals(List.of("/fte out_of_range"), check(regular(SEP, AUG, "1.01")));
        assertEquals(List.of(), check(regular(SEP, AUG, "0.01")));
        assertEquals(List.of(), check(regular(SEP, AUG, "1.000")));
    }

    @Test
    void fteHasAtMostTwoDecimals() {
        assertEquals(List.of("/fte too_many_decimals"), check(regular(SEP, AUG, "0.333")));
        assertEquals(List.of(), check(regular(SEP, AUG, "0.25")));
    }

    @Test
    void teacherAndSchoolsMustExist() {
        assertEquals(List.of("/teacher unknown_teacher", "/school unknown_school", "/originSchool unknown_school"),
                codes(AssignmentRules.check(of("rotation", "3201130001"), new AssignmentRules.Context(false, false,
                        false), List.of())));
    }

    @Test
    void rotationAndSupportNeedAnOriginSchool() {
        assertEquals(List.of("/originSchool required"), check(of("rotation", null)));
        assertEquals(List.of("/originSchool required"), check(of("support", null)));
        assertEquals(List.of(), check(of("rotation", "3201130001")));
        assertEquals(List.of(), check(of("support", "3201130001")));
    }

    @Test
    void originSchoolDiffersFromTheSchool() {
        assertEquals(List.of("/originSchool same_as_school"), check(of("rotation", "3201130002")));
    }

    @Test
    void regularAssignmentHasNoOriginSchool() {
        assertEquals(List.of("/originSchool not_allowed"), check(of("regular", "3201130001")));
    }

    @Test
    void fullTimeAssignmentOverlapsNothing() {
        AssignmentRules.Existing halfLastYear = existing(LocalDate.of(2023, 9, 1), SEP, "0.5");
        assertEquals(List.of("/startsOn overlapping_full_time"), check(regular(SEP, AUG, "1"), halfLastYear));
        AssignmentRules.Existing fullOpen = existing(LocalDate.of(2020, 9, 1), null, "1");
        assertEquals(List.of("/startsOn overlapping_full_time"), check(regular(SEP, AUG, "0.2"), fullOpen));
    }

    @Test
    void adjacentAssignmentsDoNotOverlap() {
        AssignmentRules.Existing before = existing(LocalDate.of(2023, 9, 1), SEP.minusDays(1), "1");
        AssignmentRules.Existing after = existing(AUG.plusDays(1), null, "1");
        assertEquals(List.of(), check(regular(SEP, AUG, "1"), before, after));
    }

    @Test
    void totalFteOfOverlappingAssignmentsIsAtMostOne() {
        AssignmentRules.Existing half = existing(SEP, AUG, "0.5");
        AssignmentRules.Existing quarter = existing(LocalDate.of(2025, 2, 1), null, "0.25");
        assertEquals(List.of(), check(regular(SEP, AUG, "0.5"), half));
        assertEquals(List.of(), check(regular(SEP, AUG, "0.25"), half, quarter));
        // 0.5 + 0.3 from September; + 0.25 from February: too much only from February
        List<FieldError> errors = AssignmentRules.check(regular(SEP, AUG, "0.3"), ALL_EXIST, List.of(half, quarter));
        assertEquals(List.of("/fte fte_exceeds_one"), codes(errors));
        assertEquals(true, errors.get(0).message().contains("1.05 FTE on 2025-02-01"));
    }

    @Test
    void fteOfAssignmentsThatDoNotOverlapEachOtherIsNotAdded() {
        AssignmentRules.Existing autumn = existing(SEP, LocalDate.of(2025, 1, 31), "0.6");
        AssignmentRules.Existing spring = existing(LocalDate.of(2025, 2, 1), AUG, "0.6");
        assertEquals(List.of(), check(regular(SEP, AUG, "0.4"), autumn, spring));
        assertEquals(List.of("/fte fte_exceeds_one"), check(regular(SEP, AUG, "0.5"), autumn, spring));
    }
}
