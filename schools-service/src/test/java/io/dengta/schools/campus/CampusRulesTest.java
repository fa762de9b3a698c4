package io.dengta.schools.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class CampusRulesTest {

    private static final List<String> SCHOOL_STAGES = List.of("primary", "junior");

    private static CampusInput campus(BigDecimal lat, BigDecimal lon, String opened, String closed,
            List<String> stages) {
        return new CampusInput("示范学校仙林校区", null, "仙林大道 1 号", lat, lon, 900,
                opened == null ? null : LocalDate.parse(opened), closed == null ? null : LocalDate.parse(closed),
                stages, "test");
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    private static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }

    @Test
    void acceptsCampusWithLocationDatesAndStagesOfItsSchool() {
        assertTrue(CampusRules.check(campus(new BigDecimal("32.1049"), new BigDecimal("118.9167"), "2021-09-01",
                "2024-07-31", List.of("junior")), SCHOOL_STAGES).isEmpty());
    }

    @Test
    void acceptsCampusWithoutLocationDatesOrStages() {
        assertTrue(CampusRules.check(campus(null, null, null, null, null), SCHOOL_STAGES).isEmpty());
    }

    @Test
    void rejectsLatitudeWithoutLongitudeAndTheOtherWayRound() {
        List<FieldError> latOnly = CampusRules.check(campus(new BigDecimal("32.1"), null, null, null, null),
                SCHOOL_STAGES);
        assertEquals(List.of("/longitude"), pointers(latOnly));
        assertEquals(List.of("required"), codes(latOnly));
        List<FieldError> lonOnly = CampusRules.check(campus(null, new BigDecimal("118.9"), null, null, null),
                SCHOOL_STAGES);
        assertEquals(List.of("/latitude"), pointers(lonOnly));
    }

    @Test
    void rejectsClosingBeforeOpening() {
        List<FieldError> errors = CampusRules.check(campus(null, null, "2021-09-01", "2021-08-31", null),
                SCHOOL_STAGES);
        assertEquals(List.of("before_opening"), codes(errors));
        assertEquals(List.of("/closedOn"), pointers(errors));
    }

    @Test
    void acceptsClosingOnTheDayOfOpening() {
        assertTrue(CampusRules.check(campus(null, null, "2021-09-01", "2021-09-01", null), SCHOOL_STAGES).isEmpty());
    }

    @Test
    void rejectsStageTheSchoolDoesNotOffer() {
        List<FieldError> errors = CampusRules.check(campus(null, null, null, null, List.of("primary", "senior")),
                SCHOOL_STAGES);
        assertEquals(List.of("not_offered_by_school"), codes(errors));
        assertEquals(List.of("/stages/1"), pointers(errors));
    }

    @Test
    void rejectsStageListedTwice() {
        List<FieldError> errors = CampusRules.check(campus(null, null, null, null, List.of("primary", "primary")),
                SCHOOL_STAGES);
        assertEquals(List.of("duplicate"), codes(errors));
        assertEquals(List.of("/stages/1"), pointers(errors));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        List<FieldError> errors = CampusRules.check(campus(new BigDecimal("32.1"), null, "2021-09-01", "2020-09-01",
                List.of("kindergarten")), SCHOOL_STAGES);
        assertEquals(List.of("required", "before_opening", "not_offered_by_school"), codes(errors));
    }
}
