package io.dengta.schools.teacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class TeacherRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    private static final LocalDate BORN = LocalDate.of(1986, 3, 15);
    private static final TeacherRules.Context PRIMARY = new TeacherRules.Context(true, false, null, TODAY);
    private static final TeacherRules.Context VOCATIONAL = new TeacherRules.Context(true, true, null, TODAY);

    private static TeacherInput teacher(LocalDate birthDate, String nationalId, List<Honour> honours,
            List<String> subjects, Boolean dualQualified, Certificate certificate) {
        return new TeacherInput(null, "王丽", "female", birthDate, nationalId, "13900001111", "3201130001", "bachelor",
                certificate, "second", honours, subjects, "established", dualQualified, "active", "test");
    }

    private static TeacherInput valid() {
        return teacher(BORN, TestIds.nationalId(BORN), List.of(), List.of("math"), false,
                new Certificate("教师资格证", "primary", "2019320114200012"));
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void acceptsAConsistentTeacher() {
        assertEquals(List.of(), TeacherRules.check(valid(), PRIMARY));
    }

    @Test
    void staffCodeIsFourToThirtyTwoLettersDigitsOrHyphens() {
        assertTrue(TeacherRules.checkStaffCode("T-0001").isEmpty());
        assertTrue(TeacherRules.checkStaffCode("A".repeat(32)).isEmpty());
        assertEquals("invalid_format", TeacherRules.checkStaffCode("T01").orElseThrow().code());
        assertEquals("staffCode", TeacherRules.checkStaffCode("A".repeat(33)).orElseThrow().pointer());
        assertTrue(TeacherRules.checkStaffCode("T_0001").isPresent());
        assertTrue(TeacherRules.checkStaffCode("教师0001").isPresent());
        assertTrue(TeacherRules.checkStaffCode(null).isPresent());
    }

    @Test
    void employingSchoolMustExist() {
        assertEquals(List.of("/employingSchool unknown_school"),
                codes(TeacherRules.check(valid(), new TeacherRules.Context(false, false, null, TODAY))));
    }

    @Test
    void birthDateMustBeInThePast() {
        assertEquals(List.of("/birthDate not_in_past"),
                codes(TeacherRules.check(teacher(TODAY, null, List.of(), List.of("math"), false, null), PRIMARY)));
        assertEquals(List.of("/birthDate not_in_past"), codes(TeacherRules.check(
                teacher(TODAY.plusDays(1), null, List.of(), List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void ageIsSixteenToEighty() {
        assertEquals(List.of("/birthDate out_of_range"), codes(TeacherRules.check(
                teacher(TODAY.minusYears(16).plusDays(1), null, List.of(), List.of("math"), false, null), PRIMARY)));
        assertEquals(List.of(), codes(TeacherRules.check(
                teacher(TODAY.minusYears(16), null, List.of(), List.of("math"), false, null), PRIMARY)));
        assertEquals(List.of(), codes(TeacherRules.check(
                teacher(TODAY.minusYears(81).plusDays(1), null, List.of(), List.of("math"), false, null), PRIMARY)));
        assertEquals(List.of("/birthDate out_of_range"), codes(TeacherRules.check(
                teacher(TODAY.minusYears(81), null, List.of(), List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void nationalIdIsSeventeenDigitsAndADigitOrX() {
        for (String id : List.of("32011319860315", "3201131986031500AX", "32011319860315001Y", "ABCDEFGHIJKLMNOPQR")) {
            assertEquals(List.of("/nationalId invalid_format"),
                    codes(TeacherRules.check(teacher(null, id, List.of(), List.of("math"), false, null), PRIMARY)), id);
        }
    }

    @Test
    void nationalIdCheckCharacterFollowsGb11643() {
        String valid = TestIds.nationalId(BORN);
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertEquals(List.of("/nationalId invalid_check_character"), codes(TeacherRules.check(
                teacher(BORN, valid.substring(0, 17) + wrong, List.of(), List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void nationalIdAcceptsALowerCaseX() {
        String id = "11010519491231002x";
        assertEquals(List.of(), codes(TeacherRules.check(
                teacher(null, id, List.of(), List.of("math"), false, null),
                new TeacherRules.Context(true, false, null, LocalDate.of(2020, 1, 1)))));
    }

    @Test
    void nationalIdMustCarryARealBirthDate() {
        String id = TestIds.withCheckCharacter("32011319860231001");
        assertEquals(List.of("/nationalId invalid_format"),
                codes(TeacherRules.check(teacher(null, id, List.of(), List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void nationalIdMustAgreeWithTheBirthDateGivenOrStored() {
        String id = TestIds.nationalId(BORN);
        assertEquals(List.of("/nationalId inconsistent_with_birth_date"), codes(TeacherRules.check(
                teacher(BORN.plusDays(1), id, List.of(), List.of("math"), false, null), PRIMARY)));
        assertEquals(List.of("/nationalId inconsistent_with_birth_date"), codes(TeacherRules.check(
                teacher(null, id, List.of(), List.of("math"), false, null),
                new TeacherRules.Context(true, false, BORN.plusDays(1), TODAY))));
        assertEquals(List.of(), codes(TeacherRules.check(teacher(null, id, List.of(), List.of("math"), false, null),
                new TeacherRules.Context(true, false, BORN, TODAY))));
    }

    @Test
    void honourExpiresAfterItWasAwarded() {
        List<Honour> honours = List.of(
                new Honour("key-teacher", "district", LocalDate.of(2022, 9, 10), LocalDate.of(2022, 9, 10)),
                new Honour("subject-leader", "city", LocalDate.of(2022, 9, 10), LocalDate.of(2021, 9, 10)),
                new Honour("famous-teacher", "city", LocalDate.of(2022, 9, 10), LocalDate.of(2022, 9, 11)),
                new Honour("special-grade", "province", LocalDate.of(2022, 9, 10), null));
        assertEquals(List.of("/honours/0/expiresOn not_after_awarded", "/honours/1/expiresOn not_after_awarded"),
                codes(TeacherRules.check(teacher(BORN, null, honours, List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void honourIsNotAwardedInTheFuture() {
        List<Honour> honours = List.of(new Honour("key-teacher", "school", TODAY, null),
                new Honour("key-teacher", "school", TODAY.plusDays(1), null));
        assertEquals(List.of("/honours/1/awardedOn in_future"),
                codes(TeacherRules.check(teacher(BORN, null, honours, List.of("math"), false, null), PRIMARY)));
    }

    @Test
    void dualQualifiedOnlyAtAVocationalSchool() {
        TeacherInput dual = teacher(BORN, null, List.of(), List.of("vocational-specialty"), true, null);
        assertEquals(List.of("/dualQualified not_vocational"), codes(TeacherRules.check(dual, PRIMARY)));
        assertEquals(List.of(), codes(TeacherRules.check(dual, VOCATIONAL)));
        TeacherInput notDual = teacher(BORN, null, List.of(), List.of("math"), false, null);
        assertEquals(List.of(), codes(TeacherRules.check(notDual, PRIMARY)));
    }

    @Test
    void certificateStageIsOneOfTheStages() {
        for (String stage : List.of("kindergarten", "primary", "junior", "senior", "vocational", "special")) {
            assertEquals(List.of(), codes(TeacherRules.check(teacher(BORN, null, List.of(), List.of("math"), false,
                    new Certificate("教师资格证", stage, "1")), PRIMARY)));
        }
        assertEquals(List.of("/certificate/stage unknown_value"), codes(TeacherRules.check(teacher(BORN, null,
                List.of(), List.of("math"), false, new Certificate("教师资格证", "university", "1")), PRIMARY)));
    }

    @Test
    void subjectsAreRequired() {
        assertEquals(List.of("/subjects required"),
                codes(TeacherRules.check(teacher(BORN, null, List.of(), List.of(), false, null), PRIMARY)));
        assertEquals(List.of("/subjects required"),
                codes(TeacherRules.check(teacher(BORN, null, List.of(), null, false, null), PRIMARY)));
    }

    @Test
    void subjectsAreKnownAndUnique() {
        List<String> subjects = new ArrayList<>(List.of("math", "maths", "pe", "math"));
        subjects.add(null);
        assertEquals(List.of("/subjects/1 unknown_value", "/subjects/3 duplicate", "/subjects/4 unknown_value"),
                codes(TeacherRules.check(teacher(BORN, null, List.of(), subjects, false, null), PRIMARY)));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        TeacherInput bad = teacher(TODAY.plusDays(1), "123", List.of(new Honour("other", "school", TODAY.plusDays(1),
                null)), List.of(), true, new Certificate("x", "college", "1"));
        assertEquals(List.of("/employingSchool unknown_school", "/birthDate not_in_past", "/nationalId invalid_format",
                "/honours/0/awardedOn in_future", "/subjects required", "/certificate/stage unknown_value",
                "/dualQualified not_vocational"),
                codes(TeacherRules.check(bad, new TeacherRules.Context(false, false, null, TODAY))));
    }

    @Test
    void levelsAtOrAboveAreTheHigherLevels() {
        assertEquals(List.of("city", "province", "national"), TeacherCodes.levelsAtOrAbove("city"));
        assertEquals(TeacherCodes.HONOUR_LEVELS, TeacherCodes.levelsAtOrAbove("school"));
    }
}
