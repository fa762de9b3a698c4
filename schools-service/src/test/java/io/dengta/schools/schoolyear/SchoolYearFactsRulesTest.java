package io.dengta.schools.schoolyear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;
import io.dengta.schools.school.School;

class SchoolYearFactsRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 11, 20);
    private static final SchoolYear Y2024 = new SchoolYear(2024);

    private static School school(String... stages) {
        School s = new School();
        s.code = "3204120001";
        s.regionCode = "320412";
        s.stages = List.of(stages);
        s.status = "open";
        s.openedOn = LocalDate.of(1998, 9, 1);
        return s;
    }

    private static SchoolYearFactsInput facts(ClassSizeCounts sizes, GradeCount... grades) {
        return new SchoolYearFactsInput(null, null, List.of(grades), sizes, new BigDecimal("4200.50"), null, new BigDecimal("6800"),
                new BigDecimal("1250000"), 12, 2, 2, "test");
    }

    private static GradeCount grade(String grade, int pupils, int classes) {
        return new GradeCount(grade, pupils, classes);
    }

    private static List<FieldError> check(School school, SchoolYear year, SchoolYearFactsInput in) {
        return SchoolYearFactsRules.check(school, year, in, TODAY);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void acceptsConsistentFactsOfANineYearSchool() {
        List<FieldError> errors = check(school("primary", "junior"), Y2024,
                facts(new ClassSizeCounts(3, 1, 0, 0), grade("p1", 270, 6), grade("p6", 250, 6), grade("j1", 300, 6)));
        assertEquals(List.of(), errors);
    }

    @Test
    void rejectsAGradeOfAStageTheSchoolDoesNotOffer() {
        List<FieldError> errors = check(school("junior"), Y2024, facts(null, grade("j1", 300, 6), grade("p1", 40, 1)));
        assertEquals(List.of("/grades/1/grade grade_not_offered"), codes(errors));
    }

    @Test
    void acceptsGradesOfEveryStageOfTheSchool() {
        assertEquals(List.of(), check(school("kindergarten"), Y2024, facts(null, grade("k1", 90, 3), grade("k3", 88, 3))));
        assertEquals(List.of(), check(school("vocational", "senior"), Y2024,
                facts(null, grade("v1", 400, 10), grade("s1", 200, 5))));
        assertEquals(List.of(), check(school("special"), Y2024, facts(null, grade("sp9", 12, 1))));
    }

    @Test
    void rejectsAGradeListedTwice() {
        List<FieldError> errors = check(school("primary"), Y2024, facts(null, grade("p1", 270, 6), grade("p1", 10, 1)));
        assertEquals(List.of("/grades/1/grade duplicate"), codes(errors));
    }

    @Test
    void rejectsPupilsWithoutClasses() {
        List<FieldError> errors = check(school("primary"), Y2024, facts(null, grade("p1", 40, 0)));
        assertEquals(List.of("/grades/0/classes missing_classes"), codes(errors));
    }

    @Test
    void rejectsMoreClassesThanPupils() {
        List<FieldError> errors = check(school("primary"), Y2024, facts(null, grade("p1", 3, 4)));
        assertEquals(List.of("/grades/0/pupils fewer_than_classes"), codes(errors));
        // classes without any pupil is the same mistake
        assertEquals(List.of("/grades/0/pupils fewer_than_classes"),
                codes(check(school("primary"), Y2024, facts(null, grade("p1", 0, 1)))));
    }

    @Test
    void acceptsAGradeWithNeitherPupilsNorClasses() {
        assertEquals(List.of(), check(school("primary"), Y2024, facts(null, grade("p1", 0, 0), grade("p2", 45, 1))));
    }

    @Test
    void rejectsAnAverageClassSizeAboveEighty() {
        assertEquals(List.of(), check(school("primary"), Y2024, facts(null, grade("p1", 160, 2))));
        List<FieldError> errors = check(school("primary"), Y2024, facts(null, grade("p1", 161, 2)));
        assertEquals(List.of("/grades/0/pupils class_size_implausible"), codes(errors));
    }

    @Test
    void rejectsAClassSizeCountAboveTheTotalOfClasses() {
        List<FieldError> errors = check(school("primary"), Y2024,
                facts(new ClassSizeCounts(7, 0, 0, 0), grade("p1", 270, 6)));
        assertEquals(List.of("/classSizes/classesOver45 exceeds_classes"), codes(errors));
    }

    @Test
    void rejectsClassSizeCountsThatDoNotNest() {
        List<FieldError> errors = check(school("primary"), Y2024,
                facts(new ClassSizeCounts(1, 2, 0, 0), grade("p1", 300, 6)));
        assertEquals(List.of("/classSizes/classesOver50 not_monotonic"), codes(errors));
        errors = check(school("primary"), Y2024, facts(new ClassSizeCounts(2, 2, 1, 2), grade("p1", 300, 6)));
        assertEquals(List.of("/classSizes/classesOver65 not_monotonic"), codes(errors));
    }

    @Test
    void rejectsClassSizeCountsThatNeedMorePupilsThanEnrolled() {
        // two classes of 56+ need at least 112 pupils
        List<FieldError> errors = check(school("primary"), Y2024,
                facts(new ClassSizeCounts(2, 2, 2, 0), grade("p1", 110, 2)));
        assertEquals(List.of("/classSizes/classesOver55 exceeds_pupils"), codes(errors));
    }

    @Test
    void rejectsASchoolYearThatBeganAfterTheSchoolClosed() {
        School closed = school("primary");
        closed.status = "closed";
        closed.closedOn = LocalDate.of(2023, 7, 15);
        assertEquals(List.of("schoolYear after_closing"), codes(check(closed, new SchoolYear(2023),
                facts(null, grade("p1", 40, 1)))));
        // the year in which it closed is still reported
        assertEquals(List.of(), check(closed, new SchoolYear(2022), facts(null, grade("p1", 40, 1))));
    }

    @Test
    void rejectsASchoolYearThatEndedBeforeTheSchoolOpened() {
        School opened = school("primary");
        opened.openedOn = LocalDate.of(2021, 9, 1);
        assertEquals(List.of("schoolYear before_opening"),
                codes(check(opened, new SchoolYear(2020), facts(null, grade("p1", 40, 1)))));
        assertEquals(List.of(), check(opened, new SchoolYear(2021), facts(null, grade("p1", 40, 1))));
    }

    @Test
    void rejectsASchoolYearMoreThanOneYearAhead() {
        // on 2024-11-20 the current school year is 2024Sep: 2025Sep may be planned, 2026Sep not
        assertEquals(List.of(), check(school("primary"), new SchoolYear(2025), facts(null, grade("p1", 40, 1))));
        assertEquals(List.of("schoolYear too_far_in_future"),
                codes(check(school("primary"), new SchoolYear(2026), facts(null, grade("p1", 40, 1)))));
        // in August the school year that began the previous September is still current
        assertEquals(List.of("schoolYear too_far_in_future"), codes(SchoolYearFactsRules.check(school("primary"),
                new SchoolYear(2025), facts(null, grade("p1", 40, 1)), LocalDate.of(2024, 8, 31))));
    }

    @Test
    void reportsEveryErrorAtOnce() {
        List<FieldError> errors = check(school("junior"), new SchoolYear(2030),
                facts(new ClassSizeCounts(9, 0, 0, 0), grade("p1", 40, 0), grade("j1", 3, 4), grade("j1", 90, 1)));
        assertEquals(List.of("schoolYear too_far_in_future", "/grades/0/grade grade_not_offered",
                "/grades/0/classes missing_classes", "/grades/1/pupils fewer_than_classes", "/grades/2/grade duplicate",
                "/grades/2/pupils class_size_implausible", "/classSizes/classesOver45 exceeds_classes"), codes(errors));
        assertTrue(errors.stream().allMatch(e -> !e.message().isBlank()));
    }
}
