package io.dengta.schools.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.dengta.commons.problem.FieldError;

class SchoolGroupRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 1);
    private static final LocalDate FOUNDED = LocalDate.of(2019, 9, 1);
    private static final String QX1 = "3201130001";
    private static final String QX2 = "3201130002";
    private static final String QX3 = "3201130003";
    private static final String LG1 = "4403070001";
    private static final Map<String, String> SCHOOLS = Map.of(QX1, "320113", QX2, "320113", QX3, "320113",
            LG1, "440307");

    private static SchoolGroupInput.Member member(String school, String joined, String left) {
        return new SchoolGroupInput.Member(school, LocalDate.parse(joined), left == null ? null : LocalDate.parse(left));
    }

    private static SchoolGroupInput group(String kind, String region, String lead, LocalDate founded,
            SchoolGroupInput.Member... members) {
        return new SchoolGroupInput("栖霞区实验小学教育集团", null, kind, region, lead, founded, List.of(members), "test");
    }

    private static SchoolGroupInput educationGroup(String lead, LocalDate founded, SchoolGroupInput.Member... members) {
        return group("education-group", "320113", lead, founded, members);
    }

    private static List<FieldError> check(SchoolGroupInput in) {
        return SchoolGroupRules.check(in, true, SCHOOLS, TODAY);
    }

    private static List<String> codes(List<FieldError> errors) {
        return errors.stream().map(FieldError::code).toList();
    }

    private static List<String> pointers(List<FieldError> errors) {
        return errors.stream().map(FieldError::pointer).toList();
    }

    @Test
    void acceptsEducationGroupWithLeadFromTheFoundingAndDatedMemberships() {
        assertTrue(check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2023-08-31"), member(QX3, "2021-09-01", null))).isEmpty());
    }

    @Test
    void rejectsUnknownOwnerRegion() {
        List<FieldError> errors = SchoolGroupRules.check(educationGroup(QX1, FOUNDED,
                member(QX1, "2019-09-01", null), member(QX2, "2019-09-01", null)), false, SCHOOLS, TODAY);
        assertEquals(List.of("unknown_region"), codes(errors));
        assertEquals(List.of("/region"), pointers(errors));
    }

    @Test
    void rejectsMemberSchoolThatDoesNotExist() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", null), member("3201139999", "2020-09-01", null)));
        assertEquals(List.of("unknown_school"), codes(errors));
        assertEquals(List.of("/members/2/school"), pointers(errors));
    }

    @Test
    void rejectsLeavingBeforeJoining() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2020-09-01", "2020-08-31")));
        assertEquals(List.of("before_joining"), codes(errors));
        assertEquals(List.of("/members/1/leftOn"), pointers(errors));
    }

    @Test
    void acceptsMembershipOfOneDay() {
        assertTrue(check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2020-09-01", "2020-09-01"))).isEmpty());
    }

    @Test
    void rejectsSchoolListedTwiceWithOverlappingPeriods() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2022-08-31"), member(QX2, "2022-01-01", null)));
        assertEquals(List.of("overlapping_membership"), codes(errors));
        assertEquals(List.of("/members/2"), pointers(errors));
    }

    @Test
    void rejectsSchoolListedTwiceWithOpenEndedPeriods() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2021-09-01", null), member(QX2, "2019-09-01", null)));
        assertEquals(List.of("overlapping_membership"), codes(errors));
    }

    @Test
    void rejectsRejoiningOnTheDayOfLeavingBecauseBothDaysCount() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2021-08-31"), member(QX2, "2021-08-31", null)));
        assertEquals(List.of("overlapping_membership"), codes(errors));
    }

    @Test
    void acceptsSchoolThatLeftAndRejoined() {
        assertTrue(check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2021-08-31"), member(QX2, "2022-09-01", null))).isEmpty());
    }

    @Test
    void rejectsGroupWithFewerThanTwoSchools() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null)));
        assertEquals(List.of("too_few_members"), codes(errors));
        assertEquals(List.of("/members"), pointers(errors));
    }

    @Test
    void countsSchoolsNotMembershipPeriodsTowardsTwoMembers() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", "2020-08-31"),
                member(QX1, "2021-09-01", null)));
        assertEquals(List.of("too_few_members"), codes(errors));
    }

    @Test
    void rejectsLeadSchoolThatIsNoMember() {
        List<FieldError> errors = check(educationGroup(QX3, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", null)));
        assertEquals(List.of("not_a_member"), codes(errors));
        assertEquals(List.of("/leadSchool"), pointers(errors));
    }

    @Test
    void rejectsLeadThatWasNoMemberAtFoundingNorToday() {
        List<FieldError> errors = check(educationGroup(QX2, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2020-09-01", "2023-08-31")));
        assertEquals(List.of("lead_not_a_member_then"), codes(errors));
        assertEquals(List.of("/leadSchool"), pointers(errors));
    }

    @Test
    void acceptsFoundingLeadThatHasSinceLeft() {
        assertTrue(check(educationGroup(QX2, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2023-08-31"))).isEmpty());
    }

    @Test
    void acceptsLeadThatJoinedAfterFoundingAndIsAMemberToday() {
        assertTrue(check(educationGroup(QX3, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX3, "2022-09-01", null))).isEmpty());
    }

    @Test
    void withoutFoundingDateRequiresLeadToBeAMemberToday() {
        assertTrue(check(educationGroup(QX1, null, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2023-08-31"))).isEmpty());
        List<FieldError> errors = check(educationGroup(QX2, null, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", "2023-08-31")));
        assertEquals(List.of("lead_not_a_member_then"), codes(errors));
    }

    @Test
    void rejectsEducationGroupMemberOutsideTheOwnerRegion() {
        List<FieldError> errors = check(educationGroup(QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(LG1, "2019-09-01", null)));
        assertEquals(List.of("outside_region"), codes(errors));
        assertEquals(List.of("/members/1/school"), pointers(errors));
    }

    @Test
    void acceptsEducationGroupOfACityWithSchoolsOfItsDistricts() {
        assertTrue(check(group("education-group", "320100", QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(QX2, "2019-09-01", null))).isEmpty());
    }

    @Test
    void acceptsDistrictPartnershipAndAllianceAcrossRegions() {
        assertTrue(check(group("district-partnership", "320113", QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(LG1, "2019-09-01", null))).isEmpty());
        assertTrue(check(group("alliance", "320113", QX1, FOUNDED, member(QX1, "2019-09-01", null),
                member(LG1, "2019-09-01", null))).isEmpty());
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        List<FieldError> errors = SchoolGroupRules.check(educationGroup(QX3, FOUNDED,
                member("3201139999", "2019-09-01", "2019-08-01")), false, SCHOOLS, TODAY);
        assertEquals(List.of("unknown_region", "unknown_school", "before_joining", "too_few_members", "not_a_member"),
                codes(errors));
    }
}
