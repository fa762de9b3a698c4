package io.dengta.schools.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;
import io.dengta.commons.problem.ProblemException;
import io.dengta.commons.problem.ProblemType;
import io.dengta.schools.school.School;

class ConstructionProjectRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 11, 20);
    private static final LocalDate APPROVED = LocalDate.of(2023, 3, 15);
    private static final LocalDate STARTED = LocalDate.of(2023, 6, 1);
    private static final LocalDate COMPLETED = LocalDate.of(2024, 7, 20);
    private static final LocalDate OPENED = LocalDate.of(2024, 9, 1);

    private static School wujinSchool() {
        School s = new School();
        s.code = "3204120001";
        s.regionCode = "320412";
        s.stages = List.of("primary");
        return s;
    }

    private static ConstructionProjectInput project(String kind, String school, Integer seats, String status,
            LocalDate approvedOn, LocalDate startedOn, LocalDate completedOn, LocalDate openedOn) {
        return new ConstructionProjectInput("武进区星河实验小学工程", "320412", school, kind, seats, 48,
                new BigDecimal("320000000"), status, approvedOn, startedOn, completedOn, LocalDate.of(2024, 9, 1),
                openedOn, "test");
    }

    private static ConstructionProjectInput newSchool(String status, LocalDate approvedOn, LocalDate startedOn,
            LocalDate completedOn, LocalDate openedOn) {
        return project("new-school", null, 2160, status, approvedOn, startedOn, completedOn, openedOn);
    }

    private static List<String> check(ConstructionProjectInput in) {
        return codes(ConstructionProjectRules.check(in, true, in.school() == null ? null : wujinSchool(), TODAY));
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(e -> e.pointer() + " " + e.code()).toList();
    }

    @Test
    void acceptsAPlannedNewSchoolWithoutDatesOrSchool() {
        assertEquals(List.of(), check(newSchool("planned", null, null, null, null)));
    }

    @Test
    void acceptsEveryStatusWithTheDatesOfTheStepsItPassed() {
        assertEquals(List.of(), check(newSchool("approved", APPROVED, null, null, null)));
        assertEquals(List.of(), check(newSchool("under-construction", APPROVED, STARTED, null, null)));
        assertEquals(List.of(), check(newSchool("completed", APPROVED, STARTED, COMPLETED, null)));
        assertEquals(List.of(), check(newSchool("in-use", APPROVED, STARTED, COMPLETED, OPENED)));
    }

    @Test
    void rejectsJumpingFromPlannedToInUseWithoutTheDatesOfTheStepsPassed() {
        assertEquals(List.of("/approvedOn missing_step_date", "/constructionStartedOn missing_step_date",
                "/completedOn missing_step_date", "/openedOn missing_step_date"),
                check(newSchool("in-use", null, null, null, null)));
        assertEquals(List.of("/constructionStartedOn missing_step_date"),
                check(newSchool("completed", APPROVED, null, COMPLETED, null)));
    }

    @Test
    void anInUseProjectNeedsItsOpeningDate() {
        assertEquals(List.of("/openedOn missing_step_date"), check(newSchool("in-use", APPROVED, STARTED, COMPLETED, null)));
    }

    @Test
    void rejectsDatesOfStepsNotReached() {
        assertEquals(List.of("/completedOn step_not_reached", "/openedOn step_not_reached"),
                check(newSchool("under-construction", APPROVED, STARTED, COMPLETED, OPENED)));
    }

    @Test
    void rejectsStepDatesOutOfOrder() {
        assertEquals(List.of("/constructionStartedOn before_previous_step"),
                check(newSchool("under-construction", STARTED, APPROVED, null, null)));
        assertEquals(List.of("/openedOn before_previous_step"),
                check(newSchool("in-use", APPROVED, STARTED, OPENED, COMPLETED)));
    }

    @Test
    void acceptsStepsReachedOnTheSameDay() {
        assertEquals(List.of(), check(newSchool("in-use", APPROVED, APPROVED, OPENED, OPENED)));
    }

    @Test
    void rejectsAStepDateAfterToday() {
        assertEquals(List.of("/openedOn in_future"),
                check(newSchool("in-use", APPROVED, STARTED, COMPLETED, TODAY.plusDays(1))));
    }

    @Test
    void aRenovationAddsNoSeats() {
        assertEquals(List.of("/seatsAdded not_allowed"),
                check(project("renovation", "3204120001", 300, "planned", null, null, null, null)));
        assertEquals(List.of(), check(project("renovation", "3204120001", 0, "planned", null, null, null, null)));
        assertEquals(List.of(), check(project("renovation", "3204120001", null, "planned", null, null, null, null)));
    }

    @Test
    void newSchoolsAndExpansionsStateTheSeatsTheyAdd() {
        assertEquals(List.of("/seatsAdded required"), check(project("new-school", null, null, "planned", null, null, null, null)));
        assertEquals(List.of("/seatsAdded required"),
                check(project("expansion", "3204120001", null, "planned", null, null, null, null)));
    }

    @Test
    void expansionsAndRenovationsNeedTheirSchool() {
        assertEquals(List.of("/school required"), check(project("expansion", null, 900, "planned", null, null, null, null)));
        assertEquals(List.of("/school required"), check(project("renovation", null, 0, "planned", null, null, null, null)));
    }

    @Test
    void rejectsAnUnknownRegionOrSchool() {
        ConstructionProjectInput in = project("expansion", "3204129999", 900, "planned", null, null, null, null);
        assertEquals(List.of("/region unknown_region", "/school unknown_school"),
                codes(ConstructionProjectRules.check(in, false, null, TODAY)));
    }

    @Test
    void rejectsASchoolOutsideTheProjectsRegion() {
        School qixia = wujinSchool();
        qixia.regionCode = "320113";
        ConstructionProjectInput in = project("expansion", "3204120001", 900, "planned", null, null, null, null);
        assertEquals(List.of("/school outside_region"), codes(ConstructionProjectRules.check(in, true, qixia, TODAY)));
    }

    @Test
    void theStatusMovesForwardAnyNumberOfStepsButNeverBack() {
        ConstructionProjectRules.requireForward("WJ-2024-01", "planned", "in-use");
        ConstructionProjectRules.requireForward("WJ-2024-01", "approved", "approved");
        ProblemException e = assertThrows(ProblemException.class,
                () -> ConstructionProjectRules.requireForward("WJ-2024-01", "in-use", "completed"));
        assertEquals(ProblemType.CONFLICT, e.type());
        assertThrows(ProblemException.class,
                () -> ConstructionProjectRules.requireForward("WJ-2024-01", "approved", "planned"));
    }
}
