package io.dengta.schools.statistics;

import static io.dengta.schools.statistics.StatisticsFixtures.A;
import static io.dengta.schools.statistics.StatisticsFixtures.B;
import static io.dengta.schools.statistics.StatisticsFixtures.C;
import static io.dengta.schools.statistics.StatisticsFixtures.CHENGGUAN;
import static io.dengta.schools.statistics.StatisticsFixtures.CITY;
import static io.dengta.schools.statistics.StatisticsFixtures.D;
import static io.dengta.schools.statistics.StatisticsFixtures.DUILONG;
import static io.dengta.schools.statistics.StatisticsFixtures.YEAR;
import static io.dengta.schools.statistics.StatisticsFixtures.statistic;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dengta.testing.PostgresTestResource;
import io.dengta.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;

/**
 * The statistics endpoints over the registry of {@link StatisticsFixtures}, written through the API; every expected
 * value is computed by hand in the comment above it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatisticsResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void registry() {
        StatisticsFixtures.ensure();
    }

    private static Response region(String token, String region, String stage) {
        var request = given().auth().oauth2(token).queryParam("region", region).queryParam("schoolYear", YEAR);
        if (stage != null) {
            request.queryParam("stage", stage);
        }
        return request.when().get("/schools/v1/statistics");
    }

    private static Response school(String token, String school) {
        return given().auth().oauth2(token).queryParam("schoolYear", YEAR)
                .when().get("/schools/v1/schools/" + school + "/statistics");
    }

    private static void assertStatistic(Response response, String statistic, String stage, String numerator,
            String denominator, String value) {
        Map<String, Object> s = statistic(response, statistic, stage);
        assertDecimal(numerator, s.get("numerator"), statistic + " numerator " + s);
        assertDecimal(denominator, s.get("denominator"), statistic + " denominator " + s);
        assertDecimal(value, s.get("value"), statistic + " value " + s);
    }

    private static void assertDecimal(String expected, Object actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            // JSON integers come back as Integer, decimals as BigDecimal
            assertTrue(actual instanceof Number n && new BigDecimal(n.toString()).compareTo(new BigDecimal(expected)) == 0,
                    what);
        }
    }

    @Test
    void schoolOfOneStageCountsItsTeachersByTheRules() {
        Response a = school(Tokens.admin(), A);
        a.then().statusCode(200)
                .body("school", equalTo(A))
                .body("region", equalTo(CHENGGUAN))
                .body("schoolYear", equalTo(YEAR))
                .body("referenceDate", equalTo("2024-09-30"))
                .body("factsReported", equalTo(true));
        // FTE at A: TA1 1 + TA2 1 + TA3 1 + TA4 0.5 + TA5 0.5 + TA7–TA10 4 + TA12 1 + TA13 1 = 10
        // (TA6's assignment at A ended 2024-08-31, TA11 retired): 540 / 10 = 54
        assertStatistic(a, "pupil-teacher-ratio", "primary", "540", "10", "54");
        assertStatistic(a, "pupil-teacher-ratio", null, "540", "10", "54");
        // counted at A (main school): TA1, TA2, TA3, TA4 (equal halves at A and B: A started earlier), TA7–TA10,
        // TA12, TA13 = 10; TA5's main school is B (its half there started earlier)
        // associate or higher: all but TA3 (secondary) = 9 → 9 / 540 × 100 = 1.6667 → 1.67; 9 / 10 = 90 %
        assertStatistic(a, "teachers-above-degree-per100", "primary", "9", "540", "1.67");
        assertStatistic(a, "higher-degree-share", "primary", "9", "10", "90");
        // key teachers: TA1 (key-teacher, district, in force), TA4 (subject-leader, city) = 2; not TA3 (school
        // level), TA12 (famous-principal), TA13 (expired 2024-06-30), TA11 (retired) → 2 / 540 × 100 = 0.37
        assertStatistic(a, "key-teachers-per100", "primary", "2", "540", "0.37");
        // PE and art: TA2 pe, TA3 music, TA13 fine-art = 3 → 3 / 540 × 100 = 0.5556 → 0.56
        assertStatistic(a, "pe-art-teachers-per100", "primary", "3", "540", "0.56");
        // teaching 4200.5 + support 1300 = 5500.5 m² / 540 = 10.19; 6800 / 540 = 12.59; 1,250,000 / 540 = 2314.81
        assertStatistic(a, "teaching-floor-area-per-pupil", "primary", "5500.5", "540", "10.19");
        assertStatistic(a, "sports-area-per-pupil", "primary", "6800", "540", "12.59");
        assertStatistic(a, "equipment-value-per-pupil", "primary", "1250000", "540", "2314.81");
        // 12 / 540 × 100 = 2.22
        assertStatistic(a, "multimedia-classrooms-per100", "primary", "12", "540", "2.22");
        // over 55: 1 of 12 = 8.33 %; over 65: 0; within 45: 12 − 3 = 9 of 12 = 75 %
        assertStatistic(a, "large-class-share", "primary", "1", "12", "8.33");
        assertStatistic(a, "very-large-class-share", "primary", "0", "12", "0");
        assertStatistic(a, "class-size-compliance", "primary", "9", "12", "75");
        // employed at A and established: TA1, TA2, TA4, TA6, TA7–TA10, TA12, TA13 = 10 (TA3 contract, TA11
        // retired); rotated from 2024-09-01: TA4, TA6 → 20 %; key among them: TA4 → 50 %
        assertStatistic(a, "rotation-rate", "primary", "2", "10", "20");
        assertStatistic(a, "key-teacher-share-of-rotation", "primary", "1", "2", "50");
        // in use from 2024-09-01: 540 seats (the 200 of 2024-08-20 belong to 2023Sep; the completed 100 are not in use)
        assertStatistic(a, "seats-added", null, "540", null, "540");
        assertEquals("ce.pupil_teacher_ratio", statistic(a, "pupil-teacher-ratio", "primary").get("indicator"));
        assertEquals("生师比", statistic(a, "pupil-teacher-ratio", "primary").get("name"));
    }

    @Test
    void schoolOfTwoStagesPlacesTeachersByCertificateElseTheLargerStage() {
        Response b = school(Tokens.admin(), B);
        b.then().statusCode(200);
        // primary: TB1 1 + TB4 1 (senior certificate → primary, 600 > 400 pupils) + TB5 0.5 (no certificate)
        // + TA4 0.5 + TA5 0.5 + TA6 1 (primary certificates) = 4.5 → 600 / 4.5 = 133.33
        assertStatistic(b, "pupil-teacher-ratio", "primary", "600", "4.5", "133.33");
        // junior: TB2 1 + TB3 1 = 2 → 400 / 2 = 200; whole school 1000 / 6.5 = 153.85
        assertStatistic(b, "pupil-teacher-ratio", "junior", "400", "2", "200");
        assertStatistic(b, "pupil-teacher-ratio", null, "1000", "6.5", "153.85");
        // primary counted: TB1 (associate), TB4 (master), TB5, TA5 (bachelor), TA6 (associate) → all 5 above
        // (primary: associate or higher): 5 / 600 × 100 = 0.83; junior: TB3 (bachelor) above, TB2 (associate) not
        // (junior: bachelor or higher): 1 / 400 × 100 = 0.25, share 1 / 2 = 50 %
        assertStatistic(b, "teachers-above-degree-per100", "primary", "5", "600", "0.83");
        assertStatistic(b, "teachers-above-degree-per100", "junior", "1", "400", "0.25");
        assertStatistic(b, "higher-degree-share", "primary", "5", "5", "100");
        assertStatistic(b, "higher-degree-share", "junior", "1", "2", "50");
        // resources shared by pupils: floor (8000 + 2000) × 600/1000 = 6000 → 10 per pupil in both stages
        assertStatistic(b, "teaching-floor-area-per-pupil", "primary", "6000", "600", "10");
        assertStatistic(b, "teaching-floor-area-per-pupil", "junior", "4000", "400", "10");
        // class sizes shared by classes (12 primary, 8 junior of 20): within 50 in junior: 8 − 4 × 8/20 = 6.4 of 8
        assertStatistic(b, "class-size-compliance", "junior", "6.4", "8", "80");
        assertStatistic(b, "class-size-compliance", "primary", "9", "12", "75");
        // eligible for rotation: primary TB1, TB4, TA5; junior TB2, TB3 (TB5 contract); nobody rotated
        assertStatistic(b, "rotation-rate", "primary", "0", "3", "0");
        assertStatistic(b, "key-teacher-share-of-rotation", "junior", "0", "0", null);
    }

    @Test
    void regionSumsTheNumeratorsAndDenominatorsOfItsSchools() {
        Response r = region(Tokens.admin(), CHENGGUAN, null);
        r.then().statusCode(200)
                .body("region", equalTo(CHENGGUAN))
                .body("regionName", equalTo("城关区"))
                .body("schools", equalTo(2))
                .body("schoolsWithoutFacts", equalTo(0));
        // primary: (540 + 600) / (10 + 4.5) = 1140 / 14.5 = 78.62; all stages 1540 / 16.5 = 93.33
        assertStatistic(r, "pupil-teacher-ratio", "primary", "1140", "14.5", "78.62");
        assertStatistic(r, "pupil-teacher-ratio", null, "1540", "16.5", "93.33");
        assertStatistic(r, "pupil-teacher-ratio", "junior", "400", "2", "200");
        // (9 + 5) / 1140 × 100 = 1.2281 → 1.23; share (9 + 5) / (10 + 5) = 93.33 %
        assertStatistic(r, "teachers-above-degree-per100", "primary", "14", "1140", "1.23");
        assertStatistic(r, "higher-degree-share", "primary", "14", "15", "93.33");
        // key (2 + 0) / 1140 × 100 = 0.1754 → 0.18; PE/art (3 + 1) / 1140 × 100 = 0.3509 → 0.35
        assertStatistic(r, "key-teachers-per100", "primary", "2", "1140", "0.18");
        assertStatistic(r, "key-teachers-per100", "junior", "1", "400", "0.25");
        assertStatistic(r, "pe-art-teachers-per100", "primary", "4", "1140", "0.35");
        // floor (5500.5 + 6000) / 1140 = 10.09; sports (6800 + 4800) / 1140 = 10.18;
        // equipment (1,250,000 + 1,800,000) / 1140 = 2675.44; multimedia (12 + 12) / 1140 × 100 = 2.11
        assertStatistic(r, "teaching-floor-area-per-pupil", "primary", "11500.5", "1140", "10.09");
        assertStatistic(r, "sports-area-per-pupil", "primary", "11600", "1140", "10.18");
        assertStatistic(r, "equipment-value-per-pupil", "primary", "3050000", "1140", "2675.44");
        assertStatistic(r, "multimedia-classrooms-per100", "primary", "24", "1140", "2.11");
        // within 45: (9 + 9) / 24 = 75 %; over 55: (1 + 1.2) / 24 = 9.17 %; over 65: (0 + 0.6) / 24 = 2.5 %
        assertStatistic(r, "class-size-compliance", "primary", "18", "24", "75");
        assertStatistic(r, "large-class-share", "primary", "2.2", "24", "9.17");
        assertStatistic(r, "very-large-class-share", "primary", "0.6", "24", "2.5");
        // rotation 2 / (10 + 3) = 15.38 %; key share 1 / 2 = 50 %
        assertStatistic(r, "rotation-rate", "primary", "2", "13", "15.38");
        assertStatistic(r, "key-teacher-share-of-rotation", "primary", "1", "2", "50");
        assertStatistic(r, "seats-added", null, "540", null, "540");
        // only the stages its schools offer
        r.then().body("statistics.stage", everyItem(org.hamcrest.Matchers.oneOf(null, "primary", "junior")));
    }

    @Test
    void regionIncludesItsSubRegionsAndCountsSchoolsWithoutFacts() {
        Response r = region(Tokens.admin(), CITY, null);
        r.then().statusCode(200).body("schools", equalTo(3)).body("schoolsWithoutFacts", equalTo(1));
        // all stages: (1540 + 300) / (16.5 + 5) = 1840 / 21.5 = 85.58
        assertStatistic(r, "pupil-teacher-ratio", null, "1840", "21.5", "85.58");
        // C: 300 / 5 = 60; dual-qualified among specialists: TC1–TC3 of TC1–TC4 = 75 % (TC5 teaches chinese)
        assertStatistic(r, "pupil-teacher-ratio", "vocational", "300", "5", "60");
        assertStatistic(r, "dual-qualified-share", "vocational", "3", "4", "75");
        // seats by the projects' regions: 540 (A) + 300 (D, no facts) + 900 (a new school not registered yet)
        assertStatistic(r, "seats-added", null, "1740", null, "1740");
    }

    @Test
    void stageKeepsThatStagesStatisticsAndSchools() {
        Response vocational = region(Tokens.admin(), CITY, "vocational");
        vocational.then().statusCode(200)
                .body("stage", equalTo("vocational"))
                .body("schools", equalTo(1))
                .body("schoolsWithoutFacts", equalTo(0))
                .body("statistics.stage", everyItem(equalTo("vocational")))
                .body("statistics.statistic", containsInAnyOrder("pupil-teacher-ratio", "dual-qualified-share", "pupils"))
                // school C's 300 vocational pupils
                .body("statistics.find { it.statistic == 'pupils' }.value", equalTo(300))
                .body("statistics.find { it.statistic == 'pupils' }.indicator", equalTo("ce.pupils"));
        region(Tokens.admin(), CITY, "primary").then().statusCode(200)
                .body("schools", equalTo(2))
                .body("schoolsWithoutFacts", equalTo(1))
                .body("statistics.stage", everyItem(equalTo("primary")));
        region(Tokens.admin(), CITY, "senior").then().statusCode(200)
                .body("schools", equalTo(0))
                .body("statistics", hasSize(0));
    }

    @Test
    void statisticWithoutCatalogCodeSaysSoWithIndicatorNull() {
        // a kindergarten would show teachers-above-degree-per100 without code; here: every statistic that has one
        Response r = region(Tokens.admin(), CITY, null);
        List<Map<String, Object>> all = r.jsonPath().getList("statistics");
        assertTrue(all.stream().allMatch(s -> s.containsKey("indicator")), "indicator is always present");
        assertTrue(all.stream().filter(s -> s.get("indicator") != null)
                .allMatch(s -> IndicatorCatalog.INDICATORS.containsKey((String) s.get("indicator"))));
    }

    @Test
    void schoolWithoutFactsShowsOnlyItsProjectsSeats() {
        school(Tokens.admin(), D).then().statusCode(200)
                .body("factsReported", equalTo(false))
                .body("statistics", hasSize(1))
                .body("statistics[0].statistic", equalTo("seats-added"))
                .body("statistics[0].indicator", equalTo("cap.seats_added"))
                .body("statistics[0].value", equalTo(300));
    }

    @Test
    void missingAndMalformedParametersAreReportedTogether() {
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/statistics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:validation"))
                .body("errors.pointer", containsInAnyOrder("region", "schoolYear"))
                .body("errors.code", everyItem(equalTo("required")));
        given().auth().oauth2(Tokens.admin()).queryParam("region", "5401").queryParam("schoolYear", "2024")
                .queryParam("stage", "primry")
                .when().get("/schools/v1/statistics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.pointer", containsInAnyOrder("region", "schoolYear", "stage"));
        given().auth().oauth2(Tokens.admin()).queryParam("schoolYear", "2024-25")
                .when().get("/schools/v1/schools/" + A + "/statistics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("schoolYear"))
                .body("errors[0].code", equalTo("invalid_school_year"));
        given().auth().oauth2(Tokens.admin()).when().get("/schools/v1/schools/" + A + "/statistics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].code", equalTo("required"));
        given().auth().oauth2(Tokens.admin()).queryParam("schoolYear", YEAR)
                .when().get("/schools/v1/schools/54010200/statistics")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].pointer", equalTo("schoolCode"));
    }

    @Test
    void unknownRegionOrSchoolIsNotFound() {
        region(Tokens.admin(), "540199", null).then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:dengta:problem:not-found"));
        school(Tokens.admin(), "5401029999").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void readsOutsideTheCallersScopeAreNotFound() {
        String analystOfChengguan = Tokens.role("bureau-analyst").region(CHENGGUAN).get();
        region(analystOfChengguan, CHENGGUAN, null).then().statusCode(200);
        // the parent region and a sibling are outside the scope of a district's analyst
        region(analystOfChengguan, CITY, null).then().statusCode(404).contentType(PROBLEM);
        region(analystOfChengguan, DUILONG, null).then().statusCode(404).contentType(PROBLEM);
        school(analystOfChengguan, A).then().statusCode(200);
        school(analystOfChengguan, C).then().statusCode(404).contentType(PROBLEM);
        // a city scope covers its districts
        region(Tokens.role("viewer").region(CITY).get(), DUILONG, "vocational").then().statusCode(200);
    }

    /** Role × scope × operation → status, for the two reads. */
    @Test
    void accessMatrixOfTheStatisticsReads() {
        record Case(String who, String token, int regionStatus, int schoolAStatus) {
        }
        List<Case> cases = List.of(
                new Case("platform-admin", Tokens.admin(), 200, 200),
                new Case("school-clerk of A", Tokens.role("school-clerk").school(A).get(), 404, 200),
                new Case("school-clerk of C", Tokens.role("school-clerk").school(C).get(), 404, 404),
                new Case("data-feed of the region", Tokens.role("data-feed").region(CHENGGUAN).get(), 200, 200),
                new Case("data-feed of another region", Tokens.role("data-feed").region(DUILONG).get(), 404, 404),
                new Case("bureau-analyst of the region", Tokens.role("bureau-analyst").region(CHENGGUAN).get(), 200, 200),
                new Case("viewer of another region", Tokens.role("viewer").region("320113").get(), 404, 404));
        for (Case c : cases) {
            assertEquals(c.regionStatus(), region(c.token(), CHENGGUAN, null).statusCode(), c.who() + ": region");
            assertEquals(c.schoolAStatus(), school(c.token(), A).statusCode(), c.who() + ": school A");
        }
        given().when().get("/schools/v1/statistics?region=" + CHENGGUAN + "&schoolYear=" + YEAR)
                .then().statusCode(401).contentType(PROBLEM);
    }
}
